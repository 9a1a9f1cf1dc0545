package dev.crashlab.scenarios.cli;

import dev.crashlab.scenarios.target.Context;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The wire names {@code --models} accepts: the persistence models and the contexts with no crash. */
final class Contexts {

    static final List<String> PERSISTENCE_MODELS =
            List.of(Context.PROCESS_CRASH, Context.ORDERED, Context.EXT4_LIKE, Context.WEAKEST_POSIX);
    static final List<String> ALL = List.of(Context.PROCESS_CRASH, Context.ORDERED, Context.EXT4_LIKE,
            Context.WEAKEST_POSIX, Context.CONCURRENT_READER, Context.LIVE, Context.CORRUPT_ENTRY, Context.RACE);

    private Contexts() {
    }

    static final class Converter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim();
            if (!ALL.contains(v)) {
                throw new TypeConversionException("unknown model '" + value + "'; use one of " + String.join(", ", ALL));
            }
            return v;
        }
    }
}
