package dev.crashlab.scenarios.cache;

import dev.crashlab.scenarios.interleave.PausePoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Seeded bug stale-page (seed 003): regenerates without the exclusive .tmp (reads the data source
 * first, then writes any .tmp) and invalidates in the wrong order (page first, then .tmp). A
 * regeneration that read the data before a commit publishes its page after the invalidation has
 * run: readers are served the old page until the next invalidation (G7).
 */
final class StalePageCache implements PageCache {

    private final Path dir;
    private final DataSource source;
    private final PausePoints points;

    public StalePageCache(Path dir, DataSource source, PausePoints points) {
        this.dir = dir;
        this.source = source;
        this.points = points;
    }

    @Override
    public String serve(String page) throws IOException {
        Path file = dir.resolve(page);
        try {
            return Files.readString(file);
        } catch (NoSuchFileException miss) {
            String content = source.read(page);
            points.reached("source-read");
            Path tmp = dir.resolve(page + ".tmp");
            Files.writeString(tmp, content);
            points.reached("tmp-written");
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException invalidated) {
                // robust, as seed 003 asks of both sides; the bug is in what came before
            }
            points.reached("renamed");
            return content;
        }
    }

    @Override
    public void invalidate(String page) throws IOException {
        Files.deleteIfExists(dir.resolve(page));
        points.reached("page-unlinked");
        Files.deleteIfExists(dir.resolve(page + ".tmp"));
    }
}
