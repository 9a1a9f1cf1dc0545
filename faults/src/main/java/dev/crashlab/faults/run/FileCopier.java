package dev.crashlab.faults.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Copies a file the way the JDK's UnixFileSystem does (copyFile, and move across file systems),
 * step for step, but through the public API in Java, so that each system call the JDK makes in
 * native code (unlink, an exclusive create with the source's mode, the transfer, the unlink of
 * the source) passes the instrumentation as the target's own I/O would: recorded, faultable, a
 * point to crash or pause at. The caller must not hold the interceptor's guard.
 */
final class FileCopier {

    /** One write for the whole file, as the JDK's sendfile or copy_file_range makes one call. */
    static final int WHOLE = dev.crashlab.faults.plan.CrossDeviceMove.WHOLE;

    private FileCopier() {
    }

    /** A move whose rename failed with EXDEV: copy with the source's attributes, then unlink the source. */
    static void move(Path source, Path destination, CopyOption[] options, int chunk) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isDirectory()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
                if (entries.iterator().hasNext()) {
                    throw new DirectoryNotEmptyException(source.toString());
                }
            }
        }
        if (Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING)) {
            Files.deleteIfExists(destination);
        }
        if (attrs.isDirectory()) {
            Files.createDirectory(destination);
        } else {
            copyFile(source, attrs, destination, chunk, true);
        }
        Files.delete(source);
    }

    /**
     * The JDK's copyFile: create the destination exclusively with the source's permissions, transfer
     * the bytes (nothing for an empty source), copy the times if asked; on failure, unlink the
     * destination again. A simulated crash is a dead process: it cleans nothing up.
     */
    static void copyFile(Path source, BasicFileAttributes attrs, Path destination, int chunk, boolean copyTimes)
            throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        try (FileChannel out = FileChannel.open(destination, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), permissionsOf(source))) {
            for (int at = 0; at < bytes.length; ) {
                ByteBuffer piece = ByteBuffer.wrap(bytes, at, (int) Math.min(chunk, (long) bytes.length - at));
                at += out.write(piece);
            }
            if (copyTimes) {
                Files.getFileAttributeView(destination, BasicFileAttributeView.class)
                        .setTimes(attrs.lastModifiedTime(), attrs.lastAccessTime(), null);
            }
        } catch (IOException | RuntimeException failed) {
            // (a SimulatedCrash is an Error: a dead process does not tidy up)
            try {
                Files.deleteIfExists(destination);
            } catch (IOException | RuntimeException ignored) {
                failed.addSuppressed(ignored);
            }
            throw failed;
        }
    }

    private static FileAttribute<?>[] permissionsOf(Path source) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(source, PosixFileAttributeView.class);
        if (posix == null) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(posix.readAttributes().permissions())};
    }
}
