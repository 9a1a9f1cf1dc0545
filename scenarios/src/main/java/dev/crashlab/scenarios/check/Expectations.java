package dev.crashlab.scenarios.check;

import dev.crashlab.store.Durability;
import dev.crashlab.store.Protocol;
import dev.crashlab.store.ReaderProtocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the workload did and what its target claims: the puts in order, the durability option
 * (which decides the guarantees claimed) and the protocols (which decide how a fresh writer and a
 * reader behave on a crash state).
 */
public record Expectations(List<ExpectedPut> puts, Durability durability, Protocol protocol,
                           ReaderProtocol reader) {

    public Expectations {
        puts = List.copyOf(puts);
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(reader, "reader");
    }

    /** The distinct keys the workload put, in first-put order. */
    public List<String> keys() {
        return puts.stream().map(ExpectedPut::key).distinct().toList();
    }

    /** Puts of a key that had begun by the crash point: the values its entry may hold. */
    List<ExpectedPut> startedPuts(String key, int crashPoint) {
        return puts.stream().filter(p -> p.key().equals(key) && p.startedBefore(crashPoint)).toList();
    }

    /** The first put of a key: write-once means the only value the key may ever show. */
    Optional<ExpectedPut> firstPut(String key) {
        return puts.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The put the process died inside, if any. */
    Optional<ExpectedPut> inFlight(int crashPoint) {
        return puts.stream().filter(p -> p.inFlightAt(crashPoint)).findFirst();
    }

    /** The same puts at the positions they take in an edited trace, for judging a fix on it. */
    public Expectations remapped(java.util.function.IntUnaryOperator position) {
        return new Expectations(puts.stream().map(p -> new ExpectedPut(p.key(), p.value(),
                position.applyAsInt(p.firstOp()), position.applyAsInt(p.endOp()), p.acknowledged())).toList(),
                durability, protocol, reader);
    }
}
