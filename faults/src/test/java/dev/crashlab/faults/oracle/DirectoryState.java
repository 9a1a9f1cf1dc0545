package dev.crashlab.faults.oracle;

import dev.crashlab.faults.trace.Snapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A directory tree (names, sizes, bytes) with the random part of temp-file names blanked, so that
 * the tree a killed child left can be compared with the crash state crashlab computed from another
 * run of the same idiom.
 *
 * <p>The normalisation: in each name, the JDK's temp-file number (a run of 6 or more decimal
 * digits not inside a longer hexadecimal word, as {@code File.createTempFile} and
 * {@code Files.createTempFile} make them) and the reference store's 16-hex-digit temp nonce
 * ({@code .HASH.NONCE.tmp}) become '#'. Files whose names become equal are compared as a multiset of
 * contents, so two temp files of one directory still have to match one to one.
 */
final class DirectoryState {

    private static final Pattern STORE_NONCE = Pattern.compile("\\.[0-9a-f]{16}\\.tmp$");
    private static final Pattern JDK_NUMBER = Pattern.compile("(?<![0-9a-f])[0-9]{6,}(?![0-9a-f])");

    private final SortedSet<String> directories = new TreeSet<>();
    private final SortedMap<String, List<byte[]>> files = new TreeMap<>();

    DirectoryState(Snapshot snapshot) {
        snapshot.directories().forEach(d -> directories.add(normalise(d)));
        snapshot.files().forEach((name, bytes) -> files.computeIfAbsent(normalise(name), n -> new ArrayList<>()).add(bytes));
        files.values().forEach(contents -> contents.sort(Arrays::compare));
    }

    static String normalise(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/", -1)) {
            String blank = STORE_NONCE.matcher(part).replaceAll(".#.tmp");
            out.append(out.length() > 0 ? "/" : "").append(JDK_NUMBER.matcher(blank).replaceAll("#"));
        }
        return out.toString();
    }

    /** Null when equal; else what differs, file by file. */
    static String difference(String leftTitle, DirectoryState left, String rightTitle, DirectoryState right) {
        List<String> lines = new ArrayList<>();
        if (!left.directories.equals(right.directories)) {
            lines.add("directories: " + leftTitle + " " + left.directories + ", " + rightTitle + " " + right.directories);
        }
        TreeSet<String> names = new TreeSet<>(left.files.keySet());
        names.addAll(right.files.keySet());
        for (String name : names) {
            List<byte[]> l = left.files.getOrDefault(name, List.of());
            List<byte[]> r = right.files.getOrDefault(name, List.of());
            if (l.size() != r.size()) {
                lines.add(name + ": " + leftTitle + " " + describe(l) + ", " + rightTitle + " " + describe(r));
                continue;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!Arrays.equals(l.get(i), r.get(i))) {
                    lines.add(name + ": " + leftTitle + " " + describe(l.get(i)) + ", " + rightTitle + " "
                            + describe(r.get(i)) + "; first difference at byte " + Arrays.mismatch(l.get(i), r.get(i)));
                }
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String describe(List<byte[]> contents) {
        if (contents.isEmpty()) {
            return "no such file";
        }
        List<String> each = new ArrayList<>();
        contents.forEach(c -> each.add(describe(c)));
        return contents.size() == 1 ? each.get(0) : each.size() + " files " + each;
    }

    /** Size and the first bytes, printable ones as they are. */
    static String describe(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 48); i++) {
            int b = bytes[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f && b != '"' ? String.valueOf((char) b) : b == '\n' ? "\\n" : String.format("\\x%02x", b));
        }
        return bytes.length + " bytes \"" + text + (bytes.length > 48 ? "\"..." : "\"");
    }

    /** Whether the state has a file of this (normalised) name holding exactly these bytes. */
    boolean holds(String name, byte[] bytes) {
        return files.getOrDefault(name, List.of()).stream().anyMatch(b -> Arrays.equals(b, bytes));
    }

    /** The listing of a state: directories, then each file with its size and first bytes. */
    String listing() {
        StringBuilder out = new StringBuilder();
        directories.forEach(d -> out.append("  ").append(d).append("/\n"));
        files.forEach((name, contents) -> contents.forEach(c -> out.append("  ").append(name).append("  ")
                .append(describe(c)).append('\n')));
        return out.length() == 0 ? "  (empty)\n" : out.toString();
    }
}
