package dev.crashlab.faults.oracle;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code strace -f -y} output, split: the call's name, its arguments as strace printed
 * them, and its result. Descriptors print as {@code 5</path/of/file>}; strings are quoted with C
 * escapes.
 */
record Syscall(String name, List<String> args, String result) {

    /** Null for lines that are not a completed call (signals, exits). */
    static Syscall parse(String text) {
        int open = text.indexOf('(');
        if (open <= 0) {
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
            if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '[' || c == '{' || c == '<' && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                depth++;
            } else if (c == ']' || c == '}' || c == '>' && depth > 0) {
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
        return new Syscall(name, args, text.substring(equals + 2).trim());
    }

    boolean failed() {
        return result.startsWith("-") || result.startsWith("?");
    }

    /** The result as a number: a descriptor, a byte count, an offset. */
    long value() {
        return Long.decode(result.split("[ <]")[0]);
    }

    /** The path strace printed after a descriptor (argument or result), "/r/a (deleted)" for an unlinked one; null if none. */
    static String descriptorPath(String value) {
        int lt = value.indexOf('<');
        if (lt < 0) {
            return null;
        }
        // an unlinked file prints as 5</r/a>(deleted)
        String rest = value.substring(lt + 1);
        return rest.endsWith(">" + FileOps.DELETED.trim()) ? rest.substring(0, rest.lastIndexOf('>')) + FileOps.DELETED
                : rest.endsWith(">") ? rest.substring(0, rest.length() - 1) : null;
    }

    /** The descriptor number of "5</r/a>", -100 for AT_FDCWD. */
    static int descriptor(String value) {
        if (value.startsWith("AT_FDCWD")) {
            return -100;
        }
        int lt = value.indexOf('<');
        return Integer.parseInt(lt < 0 ? value : value.substring(0, lt));
    }

    static long number(String value) {
        return value.equals("NULL") ? -1 : Long.decode(value.replaceAll("^\\[|\\]$", ""));
    }

    /** A quoted string argument without its quotes and escapes. */
    static String string(String value) {
        String body = value.substring(1, value.lastIndexOf('"'));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'x' -> {
                    bytes.write(Integer.parseInt(body.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> {
                    if (Character.isDigit(e)) {
                        int end = i;
                        while (end < body.length() && end < i + 3 && Character.isDigit(body.charAt(end))) {
                            end++;
                        }
                        bytes.write(Integer.parseInt(body.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        bytes.write(e);
                    }
                }
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
