package dev.crashlab.faults.crash;

import java.util.Objects;

/**
 * How a write was torn by a power failure: the file kept its new size, but only the sectors in
 * {@code [firstKept, endKept)} of the write reached the disk; the others read as {@link Fill}.
 * Sectors are aligned to absolute file offsets (as a disk sees them), so a write that starts
 * mid-sector has a short first sector.
 *
 * @param sectorSize the atomic unit of the simulated disk, in bytes
 * @param sectors    how many sectors the write touched
 * @param firstKept  first sector (0-based, within the write) that reached the disk
 * @param endKept    one past the last sector that reached the disk; equal to firstKept for none
 * @param fill       what the sectors that did not reach the disk read as
 */
public record Tear(int sectorSize, int sectors, int firstKept, int endKept, Fill fill) {

    /**
     * What an unwritten sector of a torn write reads back as beyond the file's synced size; below
     * it a lost sector always keeps its old bytes. OLD: the write lay wholly within the synced size.
     */
    public enum Fill { ZERO, GARBAGE, OLD }

    public Tear {
        Objects.requireNonNull(fill, "fill");
        if (sectorSize <= 0 || sectors <= 0 || firstKept < 0 || endKept < firstKept || endKept > sectors
                || endKept - firstKept == sectors) {
            throw new IllegalArgumentException("not a tear: " + firstKept + ".." + endKept + " of " + sectors);
        }
    }

    boolean keeps(int sector) {
        return sector >= firstKept && sector < endKept;
    }

    /** e.g. {@code sectors 0-1 of 3 (4096 B) written, rest zero}. */
    public String describe() {
        String fillWord = fill.name().toLowerCase(java.util.Locale.ROOT);
        String unit = sectors + " (" + sectorSize + " B)";
        if (endKept == firstKept) {
            return "no sector of " + unit + " written, all " + fillWord;
        }
        return "sectors " + firstKept + "-" + (endKept - 1) + " of " + unit + " written, rest " + fillWord;
    }
}
