package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Shard;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --shard i/n}: the campaign's units (targets in the campaign's order, the cache protocols
 * last as one unit) whose 0-based position mod n is i-1. The engine is deterministic per target,
 * so the shards' results are disjoint and their merge is the unsharded result.
 */
final class ShardOption implements ITypeConverter<Shard> {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    @Override
    public Shard convert(String value) {
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not i/n; write e.g. --shard 1/4 for the first of four shards");
        }
        int i = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || i < 1 || i > n) {
            throw new TypeConversionException("'" + value + "' names no shard; i must be between 1 and n, e.g. --shard 1/" + Math.max(n, 2));
        }
        return new Shard(i, n);
    }

    /** As report.json records it: none for the whole campaign. */
    static Shard toReport(Shard shard) {
        return shard.count() == 1 ? null : shard;
    }
}
