package dev.crashlab.benchmarks;

import dev.crashlab.scenarios.api.CrashTarget;
import dev.crashlab.scenarios.api.CrashTargetProvider;
import dev.crashlab.reports.Guarantee;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The small user target of the speed goals: a settings file replaced by a temp file, fsync, atomic
 * rename and directory fsync, checked under the four built-in models with the concurrent reader.
 * Public, with a no-argument constructor, so the command line can load it as a user's provider.
 */
public final class SettingsTarget implements CrashTargetProvider {

    static final String OLD = "colour=blue\n";
    static final String NEW = "colour=green\n";

    static void save(Path dir, String text) throws Exception {
        Path temp = dir.resolve("settings.tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temp, dir.resolve("settings"), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    static Object load(Path dir) throws Exception {
        try {
            return new String(Files.readAllBytes(dir.resolve("settings")), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public CrashTarget target() {
        return CrashTarget.builder("settings")
                .setUp(dir -> save(dir, OLD))
                .writer(dir -> save(dir, NEW))
                .reader(SettingsTarget::load, OLD, NEW)
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3)
                .build();
    }
}
