package dev.crashlab.reports;

/**
 * Which part of an n-way split of the campaign a result covers ({@code crashlab check --shard i/n});
 * a result of the whole campaign, or a merge of all its shards, has none.
 *
 * @param index 1-based
 * @param count n, the number of shards the campaign was split into
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " names no shard; i must be between 1 and n");
        }
    }

    /** The whole campaign, as one shard of one. */
    public static final Shard WHOLE = new Shard(1, 1);

    /** Whether the unit at this 0-based position of the campaign's order falls in this shard. */
    public boolean contains(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
