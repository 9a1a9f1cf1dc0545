package dev.crashlab.faults.syscall;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One completed system call of an {@code strace -f -yy -xx} log: the thread, the call's name, its
 * arguments as strace printed them, and its result. With {@code -xx} every string (payloads and the
 * paths strace prints after descriptors) is hex-escaped, so no quote, comma or angle bracket inside
 * one can confuse the split.
 */
record Call(int tid, String name, List<String> args, String result) {

    /** Null for lines that are not a call (signals, exits). */
    static Call parse(int tid, String text) {
        int open = text.indexOf('(');
        if (open <= 0 || text.startsWith("---") || text.startsWith("+++")) {
            return null;
        }
        String name = text.substring(0, open).trim();
        List<String> args = new ArrayList<>();
        StringBuilder arg = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        int i = open + 1;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                arg.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    arg.append(text.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '<' && i > 0 && (Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == 'D')) {
                // a descriptor's path (3<...>, AT_FDCWD<...>): hex-escaped inside, so the next '>' closes it
                int close = text.indexOf('>', i);
                close = close < 0 ? text.length() - 1 : close;
                arg.append(text, i, close + 1);
                i = close;
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(arg.toString().trim());
                arg.setLength(0);
                continue;
            }
            arg.append(c);
        }
        if (arg.length() > 0) {
            args.add(arg.toString().trim());
        }
        int equals = text.indexOf("= ", i);
        if (equals < 0) {
            return null;
        }
        return new Call(tid, name, args, text.substring(equals + 2).trim());
    }

    String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    boolean failed() {
        return result.startsWith("-") || result.startsWith("?");
    }

    /** The result as a number (a descriptor, a byte count, an offset). */
    long value() {
        return Long.decode(result.split("[ <]")[0]);
    }

    /** The path strace printed after a descriptor, e.g. {@code 3</r/a>}; null if none. */
    static String descriptorPath(String value) {
        int lt = value.indexOf('<');
        int gt = value.lastIndexOf('>');
        if (lt < 0 || gt < lt) {
            return null;
        }
        String path = new String(bytes(value.substring(lt + 1, gt)), StandardCharsets.UTF_8);
        return value.substring(gt + 1).startsWith("(deleted)") ? path + " (deleted)" : path;
    }

    /** The descriptor number of {@code 3</r/a>}, {@link #AT_FDCWD} for AT_FDCWD. */
    static int descriptor(String value) {
        if (value.startsWith("AT_FDCWD")) {
            return AT_FDCWD;
        }
        int lt = value.indexOf('<');
        return Long.decode((lt < 0 ? value : value.substring(0, lt)).trim()).intValue(); // 0x3 when printed raw
    }

    static final int AT_FDCWD = -100;

    static long number(String value) {
        String v = value.replaceAll("^\\[|\\]$", "");
        return v.equals("NULL") ? -1 : Long.decode(v);
    }

    /** Whether strace cut this string short ({@code "..."...}): its bytes are then not all known. */
    static boolean truncated(String quoted) {
        return quoted.endsWith("...");
    }

    /** The bytes of a quoted string argument ({@code "\x68\x69"}), or of an escaped path. */
    static byte[] string(String quoted) {
        int first = quoted.indexOf('"');
        int last = quoted.lastIndexOf('"');
        return bytes(first < 0 ? quoted : quoted.substring(first + 1, last));
    }

    private static byte[] bytes(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() / 4 + 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'x' -> {
                    out.write(Character.digit(body.charAt(i + 1), 16) * 16 + Character.digit(body.charAt(i + 2), 16));
                    i += 2;
                }
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'v' -> out.write(0x0b);
                case 'f' -> out.write('\f');
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.write(Integer.parseInt(body.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.write(e);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** A path argument decoded. */
    static String path(String quoted) {
        return new String(string(quoted), StandardCharsets.UTF_8);
    }
}
