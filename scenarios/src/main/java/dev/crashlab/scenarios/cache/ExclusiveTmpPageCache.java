package dev.crashlab.scenarios.cache;

import dev.crashlab.scenarios.interleave.PausePoints;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Seed 003's protocol: a regenerator exclusively creates {@code page.tmp} <em>before</em> reading
 * the data source, writes, and renames it into place; an invalidation unlinks the .tmp first, then
 * the page. Whatever the interleaving, a regenerator that read old data either loses its .tmp (its
 * rename fails) or has its page removed by the second unlink.
 */
final class ExclusiveTmpPageCache implements PageCache {

    private final Path dir;
    private final DataSource source;
    private final PausePoints points;

    public ExclusiveTmpPageCache(Path dir, DataSource source, PausePoints points) {
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
            return regenerate(page, file);
        }
    }

    private String regenerate(String page, Path file) throws IOException {
        Path tmp = dir.resolve(page + ".tmp");
        FileChannel ch;
        try {
            ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException busy) {
            return source.read(page);
        }
        points.reached("tmp-created");
        String content;
        try (ch) {
            content = source.read(page);
            points.reached("source-read");
            ch.write(java.nio.ByteBuffer.wrap(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        points.reached("tmp-written");
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException invalidated) {
            // an invalidation removed our .tmp: what we read may be stale, so it is not published
        }
        points.reached("renamed");
        return content;
    }

    @Override
    public void invalidate(String page) throws IOException {
        Files.deleteIfExists(dir.resolve(page + ".tmp"));
        points.reached("tmp-unlinked");
        Files.deleteIfExists(dir.resolve(page));
    }
}
