package dev.crashlab.scenarios.cli;

import dev.crashlab.reports.Model;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The wire names {@code --models} accepts: the persistence models and the contexts with no crash. */
final class Contexts {

    static final List<Model> PERSISTENCE_MODELS =
            List.of(Model.PROCESS_CRASH, Model.ORDERED, Model.EXT4_LIKE, Model.WEAKEST_POSIX);
    static final List<Model> ALL = List.of(Model.values());

    private Contexts() {
    }

    static final class Converter implements ITypeConverter<Model> {
        @Override
        public Model convert(String value) {
            String v = value.trim();
            return ALL.stream().filter(m -> m.wireName().equals(v)).findFirst().orElseThrow(() ->
                    new TypeConversionException("unknown model '" + value + "'; use one of "
                            + String.join(", ", ALL.stream().map(Model::wireName).toList())));
        }
    }
}
