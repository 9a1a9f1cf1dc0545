package dev.crashlab.faults.oracle;

/**
 * Where the kill -9 oracle stops an idiom: before operation {@code index} of its fault-free trace
 * ({@code index == size}: after the last), or, when {@code bytes >= 0}, inside write {@code index}
 * once its first {@code bytes} bytes reached the file.
 */
record CrashPoint(int index, int bytes) {

    static CrashPoint before(int index) {
        return new CrashPoint(index, -1);
    }

    static CrashPoint inside(int write, int bytes) {
        return new CrashPoint(write, bytes);
    }

    boolean insideWrite() {
        return bytes >= 0;
    }

    /** "3" or "3+5": the form on the child's command line and in directory names. */
    String token() {
        return insideWrite() ? index + "+" + bytes : String.valueOf(index);
    }

    static CrashPoint parse(String token) {
        int plus = token.indexOf('+');
        return plus < 0 ? before(Integer.parseInt(token))
                : inside(Integer.parseInt(token.substring(0, plus)), Integer.parseInt(token.substring(plus + 1)));
    }

    @Override
    public String toString() {
        return insideWrite() ? "inside #" + index + " after " + bytes + " bytes" : "before #" + index;
    }
}
