package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Guarantee;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --guarantees G1,G3}: case-insensitive, with a message naming the valid ones. */
final class GuaranteeConverter implements ITypeConverter<Guarantee> {

    @Override
    public Guarantee convert(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (Guarantee g : Guarantee.values()) {
            if (g.name().equals(v)) {
                return g;
            }
        }
        throw new TypeConversionException("unknown guarantee '" + value + "'; use G1 to G7, e.g. --guarantees G1,G3");
    }
}
