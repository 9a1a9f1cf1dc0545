package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;

/**
 * States the kernel must have produced, so that the oracle is shown to reach the cases it was
 * built for, not only to find nothing: on ext4 with no commit but the writer's own, a rename
 * followed by an fsync of an unchanged file, or by an fdatasync of a file only overwritten, is
 * lost (the old ext4-like said it persisted); with noauto_da_alloc a file written and renamed over
 * another without an fsync can be left empty (auto_da_alloc prevents it).
 *
 * @param name the idiom's file that shows the state, with the bytes it must hold after the last operation
 */
record Reproduced(String setup, String idiom, String name, byte[] bytes, String what) {

    static List<Reproduced> of(FsSetup setup) {
        return all().stream().filter(r -> r.setup().equals(setup.name())).toList();
    }

    private static List<Reproduced> all() {
        return List.of(
                new Reproduced("ext4-no-commits", "rename-then-fsync-unchanged-other", "a", Corpus.OLD,
                        "a rename lost after an fsync of an unchanged file"),
                new Reproduced("ext4-no-commits", "overwrite-rename-fdatasync-other", "a", Corpus.OLD,
                        "a rename lost after an fdatasync of a file overwritten in place"),
                new Reproduced("ext4-noauto_da_alloc", "write-rename-over-no-fsync", "a", new byte[0],
                        "a file renamed over another, empty"));
    }

    void assertSeen(Map<String, KernelOracleTest.Recorded> recorded, Map<String, List<KernelOracleTest.RealState>> seen) {
        int end = recorded.get(idiom).trace().size();
        List<KernelOracleTest.RealState> states = seen.getOrDefault(idiom, List.of());
        if (states.stream().noneMatch(s -> s.point() == end && s.state().holds(name, bytes))) {
            fail(setup + " never showed " + what + " (" + idiom + ": " + name + " holding " + DirectoryState.describe(bytes)
                    + " after the last operation); its states there:\n" + states.stream().filter(s -> s.point() == end)
                    .map(s -> s.cut() + ":\n" + s.state().listing()).distinct().reduce("", String::concat));
        }
    }

    @Override
    public String toString() {
        return "reproduces " + what;
    }
}
