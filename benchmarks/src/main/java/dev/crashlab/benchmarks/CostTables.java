package dev.crashlab.benchmarks;

import dev.crashlab.reports.Estimate;
import dev.crashlab.reports.Guarantee;
import dev.crashlab.store.Durability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a run's measurements into the tables a user reads to choose a durability option: for each
 * medium and value size, every option's guarantees next to its cost and its cost against the
 * floor it cannot beat, then the floors, group commit and the peers.
 */
final class CostTables {

    static final String STORE_PUT = "StorePut.put";
    static final String BARE = "BareProtocolFloor.put";
    static final String GROUP = "GroupCommitPut.putAll";
    static final String SQLITE = "SqliteInsert.insert";
    static final String IDLE = "IdleInstrumentation.put";
    static final String SQLITE_FULL = "SQLite WAL synchronous=FULL insert";

    private final Measurements m;
    private final HeldGuarantees held;

    private CostTables(Measurements m, HeldGuarantees held) {
        this.m = m;
        this.held = held;
    }

    public static List<CostTable> from(Measurements m) {
        return from(m, HeldGuarantees.claims());
    }

    static List<CostTable> from(Measurements m, HeldGuarantees held) {
        return new CostTables(m, held).tables();
    }

    private List<CostTable> tables() {
        List<CostTable> out = new ArrayList<>();
        for (String fs : m.values("fs")) {
            for (String size : m.values("size")) {
                List<CostRow> rows = new ArrayList<>();
                storeRows(fs, size, rows);
                floorRows(fs, size, rows);
                groupRows(fs, size, rows);
                peerRows(fs, size, rows);
                harnessRows(fs, size, rows);
                if (!rows.isEmpty()) {
                    out.add(new CostTable(fs, Integer.parseInt(size), rows, goals(fs, size)));
                }
            }
        }
        return out;
    }

    private void storeRows(String fs, String size, List<CostRow> rows) {
        for (Option o : Option.values()) {
            m.latency(STORE_PUT, "option", o.label, "size", size, "fs", fs).ifPresent(put -> {
                Optional<Measurement> floor = m.latency(BARE, "floor", o.floor, "size", size, "fs", fs);
                HeldGuarantees.Row g = held.of(o);
                rows.add(row("store put", o.describe(), Guarantees.asGuarantees(g.held()), g.holds(), g.breaks(), put, 1,
                        floor.map(f -> "bare syscalls (" + f.param("floor") + ")"), floor));
            });
        }
    }

    private void floorRows(String fs, String size, List<CostRow> rows) {
        m.latency("WriteForceFloor.writeForceData", "size", size, "fs", fs).ifPresent(f ->
                rows.add(row("floor", "overwrite + force(false) (fdatasync)", Set.of(), "", "", f, 1, Optional.empty(), Optional.empty())));
        m.latency("WriteForceFloor.writeForceAll", "size", size, "fs", fs).ifPresent(f ->
                rows.add(row("floor", "overwrite + force(true) (fsync)", Set.of(), "", "", f, 1, Optional.empty(), Optional.empty())));
        m.latency("DirectoryFsyncFloor.clean", "fs", fs).ifPresent(f ->
                rows.add(row("floor", "directory fsync, nothing changed", Set.of(), "", "", f, 1, Optional.empty(), Optional.empty())));
        m.latency("DirectoryFsyncFloor.afterRename", "fs", fs).ifPresent(f ->
                rows.add(row("floor", "rename + directory fsync", Set.of(), "", "", f, 1, Optional.empty(), Optional.empty())));
        for (String floor : m.values("floor")) {
            m.latency(BARE, "floor", floor, "size", size, "fs", fs).ifPresent(f ->
                    rows.add(row("floor", "bare syscalls (" + floor + ")", Set.of(), "", "", f, 1, Optional.empty(), Optional.empty())));
        }
    }

    private void groupRows(String fs, String size, List<CostRow> rows) {
        Optional<Measurement> sqlite = m.latency(SQLITE, "synchronous", "FULL", "size", size, "fs", fs);
        for (String batch : m.values("batch")) {
            m.latency(GROUP, "batch", batch, "size", size, "fs", fs).ifPresent(g -> rows.add(row("group commit",
                    "putAll of " + batch + ", per entry",
                    Guarantees.asGuarantees(Guarantees.claimed(Durability.FILE_AND_DIRECTORY)),
                    Guarantees.shortLabels(Guarantees.claimed(Durability.FILE_AND_DIRECTORY)), "", g, Integer.parseInt(batch),
                    sqlite.map(s -> SQLITE_FULL), sqlite)));
        }
    }

    private void peerRows(String fs, String size, List<CostRow> rows) {
        Optional<Measurement> durablePut = m.latency(STORE_PUT, "option", "FILE_AND_DIRECTORY", "size", size, "fs", fs);
        Optional<String> vsStore = durablePut.map(p -> "store FILE_AND_DIRECTORY put");
        m.latency(SQLITE, "synchronous", "FULL", "size", size, "fs", fs).ifPresent(s -> rows.add(row("peer",
                SQLITE_FULL, Set.of(), "atomic, durable (SQLite docs)", "", s, 1, vsStore, durablePut)));
        m.latency(SQLITE, "synchronous", "NORMAL", "size", size, "fs", fs).ifPresent(s -> rows.add(row("peer",
                "SQLite WAL synchronous=NORMAL insert", Set.of(), "atomic; last commits may roll back on power failure (SQLite docs)",
                "", s, 1, vsStore, durablePut)));
        m.latency("MvStorePut.commit", "size", size, "fs", fs).ifPresent(s -> rows.add(row("peer",
                "H2 MVStore put + commit()", Set.of(), "atomic after a process crash; no fsync, so not durable (H2 source)",
                "", s, 1, vsStore, durablePut)));
        m.latency("MvStorePut.commitAndSync", "size", size, "fs", fs).ifPresent(s -> rows.add(row("peer",
                "H2 MVStore put + commit() + sync()", Set.of(), "atomic, durable: sync() is force(true) (H2 source)",
                "", s, 1, vsStore, durablePut)));
    }

    private void harnessRows(String fs, String size, List<CostRow> rows) {
        Optional<Measurement> off = m.latency(IDLE, "agent", "off", "size", size, "fs", fs);
        off.ifPresent(o -> rows.add(row("harness", "NONE put, no agent", Set.of(), "", "", o, 1,
                Optional.empty(), Optional.empty())));
        m.latency(IDLE, "agent", "on", "size", size, "fs", fs).ifPresent(o -> rows.add(row("harness",
                "NONE put, crashlab agent installed, no run active", Set.of(), "", "", o, 1,
                off.map(x -> "NONE put, no agent"), off)));
    }

    private List<Goal> goals(String fs, String size) {
        String where = fs + ", " + Sizes.describe(Long.parseLong(size));
        List<Goal> goals = new ArrayList<>();
        Optional<Measurement> put = m.latency(STORE_PUT, "option", "FILE_AND_DIRECTORY", "size", size, "fs", fs);
        Optional<Measurement> floor = m.latency(BARE, "floor", "FILE_AND_DIRECTORY", "size", size, "fs", fs);
        // On tmpfs a put's system calls are cheap, so the store's own CPU is a larger share of it than
        // on a disk, where the fsyncs hide it: each medium has the limit users there would notice.
        double ownWork = fs.equals("tmpfs") ? 1.5 : 1.2;
        goals.add(goal("durable put (FILE_AND_DIRECTORY) / its bare syscall floor", where, put, 1, floor, ownWork));
        Optional<Measurement> sqlite = m.latency(SQLITE, "synchronous", "FULL", "size", size, "fs", fs);
        for (String batch : m.values("batch")) {
            goals.add(goal("group commit of " + batch + ", per entry / " + SQLITE_FULL, where,
                    m.latency(GROUP, "batch", batch, "size", size, "fs", fs), Integer.parseInt(batch), sqlite, 1.0));
        }
        goals.add(goal("idle instrumentation: put with the agent installed / without", where,
                m.latency(IDLE, "agent", "on", "size", size, "fs", fs), 1,
                m.latency(IDLE, "agent", "off", "size", size, "fs", fs), 1.05));
        return goals;
    }

    private static Goal goal(String name, String where, Optional<Measurement> numerator, int perCall,
                             Optional<Measurement> denominator, double limit) {
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return new Goal(name, where, null, null, limit);
        }
        Measurement n = numerator.get();
        Measurement d = denominator.get();
        Double medians = n.p50() == null || d.p50() == null ? null : n.p50() / perCall / d.p50();
        return new Goal(name, where, n.score().per(perCall).over(d.score()), medians, limit);
    }

    private CostRow row(String section, String label, Set<Guarantee> held, String holds, String breaks, Measurement latency, int perCall,
                        Optional<String> comparedWith, Optional<Measurement> denominator) {
        Estimate mean = latency.score().per(perCall);
        Estimate ops = m.opsPerSecond(latency).map(e -> e.times(perCall))
                .orElse(null);
        return new CostRow(section, label, held, holds, breaks, mean, divide(latency.p50(), perCall),
                divide(latency.p99(), perCall), ops, comparedWith.orElse(""),
                denominator.map(d -> mean.over(d.score())).orElse(null),
                denominator.filter(d -> d.p50() != null && latency.p50() != null)
                        .map(d -> latency.p50() / perCall / d.p50()).orElse(null));
    }

    private static Double divide(Double x, int n) {
        return x == null ? null : x / n;
    }
}
