package dev.crashlab.reports;

/**
 * The limit the campaign ran under; null components are unbounded.
 *
 * @param timeMillis  wall-clock limit
 * @param states      crash-state limit
 */
public record Budget(Long timeMillis, Long states) {

    public static Budget unbounded() {
        return new Budget(null, null);
    }

    String describe() {
        if (timeMillis == null && states == null) {
            return "unbounded";
        }
        StringBuilder out = new StringBuilder();
        if (timeMillis != null) {
            out.append(Durations.format(timeMillis));
        }
        if (states != null) {
            out.append(out.length() > 0 ? ", " : "").append(states).append(" states");
        }
        return out.toString();
    }
}
