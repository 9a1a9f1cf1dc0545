package study.configuration;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.io.FileHandler;

/**
 * An application's settings changed and saved with Commons Configuration's {@link FileHandler#save}
 * over the properties file they were loaded from, as FileBasedConfigurationBuilder.save does. The
 * documentation promises nothing about a crash during a save; the target checks what a user
 * would expect of a settings file (the old or the new settings) without claiming it.
 */
public class SaveTarget implements CrashTargetProvider {

    static final Map<String, String> OLD = Map.of("cache.size", "100", "server.port", "8080");
    static final Map<String, String> NEW = Map.of("cache.size", "250", "server.port", "9090");

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("commons-configuration-save")
                .setUp(root -> save(root, OLD))
                .writer(root -> save(root, NEW))
                .reader(SaveTarget::load, OLD, NEW)
                .claims()
                .notMine("org.apache.commons.")
                .build();
    }

    static void save(Path root, Map<String, String> settings) throws Exception {
        PropertiesConfiguration config = new PropertiesConfiguration();
        FileHandler handler = new FileHandler(config);
        if (root.resolve("app.properties").toFile().exists()) {
            handler.load(root.resolve("app.properties").toFile());
        }
        settings.forEach(config::setProperty);
        handler.save(root.resolve("app.properties").toFile());
    }

    static Map<String, String> load(Path root) throws Exception {
        PropertiesConfiguration config = new PropertiesConfiguration();
        new FileHandler(config).load(root.resolve("app.properties").toFile());
        Map<String, String> settings = new TreeMap<>();
        config.getKeys().forEachRemaining(k -> settings.put(k, config.getString(k)));
        return Map.copyOf(settings);
    }
}
