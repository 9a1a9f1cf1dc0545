package dev.crashlab.faults.oracle;

import java.util.List;

/** Two operation lists in two columns, row by row, the rows that differ marked with '!'. */
final class SideBySide {

    private SideBySide() {
    }

    static String of(String leftTitle, List<String> left, String rightTitle, List<String> right) {
        int width = Math.max(leftTitle.length(), left.stream().mapToInt(String::length).max().orElse(0)) + 2;
        StringBuilder out = new StringBuilder();
        out.append(String.format("       %-" + width + "s %s%n", leftTitle, rightTitle));
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "";
            String r = i < right.size() ? right.get(i) : "";
            out.append(String.format("%s %3d  %-" + width + "s %s%n", l.equals(r) ? " " : "!", i, l, r));
        }
        return out.toString();
    }

    /** Null when the lists are equal; else where they part and both lists. */
    static String difference(String leftTitle, List<String> left, String rightTitle, List<String> right) {
        if (left.equals(right)) {
            return null;
        }
        int first = 0;
        while (first < left.size() && first < right.size() && left.get(first).equals(right.get(first))) {
            first++;
        }
        return "the operations differ from row " + first + ":\n" + of(leftTitle, left, rightTitle, right);
    }
}
