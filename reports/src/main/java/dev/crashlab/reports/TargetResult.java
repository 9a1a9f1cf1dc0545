package dev.crashlab.reports;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the campaign found about one target.
 *
 * @param id                  "reference/FILE_AND_DIRECTORY", a seeded bug's catalog id such as
 *                            "stream-to-final", or a user's target class
 * @param seededBug           true for the known-bad protocols of the catalog: their violations
 *                            are expected findings, not failures
 * @param source              the source seed file the seeded bug comes from, e.g. "000"; may be null
 * @param expectedViolations  the guarantees a seeded bug is catalogued to break; a seeded bug that
 *                            was checked for one of them and broke none is a missed finding (a
 *                            broken check)
 * @param cells               the verdicts, kept in guarantee-then-model order so equal results
 *                            compare equal however they were assembled
 * @param notes               what a reader of the verdicts should know, e.g. that the writer failed
 *                            under a fault, so nothing was acknowledged and G3 was not applicable
 */
public record TargetResult(String id, boolean seededBug, String source,
                           Set<Guarantee> expectedViolations, List<Cell> cells, List<String> notes) {

    static final Comparator<Cell> CELL_ORDER =
            Comparator.comparing(Cell::guarantee).thenComparing(Cell::model);

    public TargetResult {
        // EnumSet, not Set.copyOf: its order is fixed, so report.json comes out byte-identical.
        Objects.requireNonNull(id, "id");
        expectedViolations = expectedViolations == null || expectedViolations.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(expectedViolations));
        if (!seededBug && !expectedViolations.isEmpty()) {
            throw new IllegalArgumentException("target " + id
                    + " expects violations but is not a seeded bug");
        }
        cells = cells == null ? List.of() : cells.stream().sorted(CELL_ORDER).toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
        Set<String> keys = new HashSet<>();
        for (Cell c : cells) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("target " + id + " has two cells for " + c.key());
            }
        }
    }

    /** A target with nothing to note. */
    public TargetResult(String id, boolean seededBug, String source, Set<Guarantee> expectedViolations, List<Cell> cells) {
        this(id, seededBug, source, expectedViolations, cells, List.of());
    }

    /** Whether a violated cell is an expected finding of this seeded bug rather than a failure. */
    public boolean isExpectedFinding(Cell cell) {
        return seededBug && cell.status() == Status.VIOLATED
                && (expectedViolations.isEmpty() || expectedViolations.contains(cell.guarantee()));
    }

    /** Guarantees this seeded bug should have broken, that were checked, and that held everywhere. */
    public Set<Guarantee> missedFindings() {
        Set<Guarantee> missed = EnumSet.noneOf(Guarantee.class);
        for (Guarantee g : expectedViolations) {
            boolean checked = cells.stream().anyMatch(c -> c.guarantee() == g
                    && c.status() != Status.NOT_APPLICABLE);
            boolean caught = cells.stream().anyMatch(c -> c.guarantee() == g
                    && c.status() == Status.VIOLATED);
            if (checked && !caught) {
                missed.add(g);
            }
        }
        return missed;
    }

    public long statesExplored() {
        return cells.stream().mapToLong(Cell::statesExplored).sum();
    }

    /** The cell for a guarantee and model, or null when the campaign did not check it. */
    Cell cell(Guarantee guarantee, Context model) {
        for (Cell c : cells) {
            if (c.guarantee() == guarantee && c.model() == model) {
                return c;
            }
        }
        return null;
    }
}
