package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Context;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The wire names {@code --models} accepts: the persistence models and the contexts with no crash. */
final class Contexts {

    static final List<Context> PERSISTENCE_MODELS =
            List.of(Context.PROCESS_CRASH, Context.ORDERED, Context.EXT4_LIKE, Context.WEAKEST_POSIX);
    static final List<Context> ALL = List.of(Context.values());

    private Contexts() {
    }

    static final class Converter implements ITypeConverter<Context> {
        @Override
        public Context convert(String value) {
            String v = value.trim();
            return ALL.stream().filter(m -> m.wireName().equals(v)).findFirst().orElseThrow(() ->
                    new TypeConversionException("unknown model '" + value + "'; use one of "
                            + String.join(", ", ALL.stream().map(Context::wireName).toList())));
        }
    }
}
