package dev.crashlab.faults.oracle;

import dev.crashlab.faults.trace.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * A fresh file system on a loop device whose backing file lives on tmpfs, and its power cuts.
 *
 * <p>A power cut is a copy of the backing file taken with no sync of any kind: what the mounted
 * file system has not yet sent to the device (dirty pages, the running journal transaction) is not
 * in it. The loop device writes into the backing file's page cache, so the copy sees every block
 * write the device completed, and nothing the kernel still holds. The file is read twice in a row
 * until both reads agree: then no block changed between them, and the image is the device as it
 * was at one instant (a single read while the flusher writes could mix blocks from before and
 * after a write the journal ordered).
 *
 * <p>Each copy is mounted on a loop device of its own (journal or log recovery runs, as after a
 * reboot) and the directory asked for is read, then it is unmounted and forgotten.
 */
public final class LoopFs implements AutoCloseable {

    private final FsSetup setup;
    private final Path dir;
    private final Path image;
    private final Path mountPoint;
    private final String device;
    private final byte[] first;
    private final byte[] second;
    private final java.util.concurrent.atomic.AtomicInteger kept = new java.util.concurrent.atomic.AtomicInteger();

    public LoopFs(FsSetup setup, Path dir) throws IOException {
        this.setup = setup;
        this.dir = dir;
        this.image = dir.resolve("device.img");
        this.mountPoint = Files.createDirectories(dir.resolve("mnt"));
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(new byte[1]), setup.megabytes() * 1024L * 1024 - 1);
        }
        List<String> mkfs = new java.util.ArrayList<>(setup.mkfs());
        mkfs.add(image.toString());
        Shell.run(setup.mkfsEnvironment(), mkfs.toArray(String[]::new));
        device = Shell.run("losetup", "--find", "--show", image.toString());
        try {
            Shell.run("mount", "-t", setup.type(), "-o", setup.mountOptions(), device, mountPoint.toString());
        } catch (IllegalStateException e) {
            Shell.run("losetup", "-d", device);
            throw e;
        }
        int size = Math.toIntExact(Files.size(image));
        first = new byte[size];
        second = new byte[size];
    }

    public Path mountPoint() {
        return mountPoint;
    }

    /** Every block the device holds now: the state a power cut at this instant leaves. */
    public byte[] cut() throws IOException {
        read(first);
        for (int tries = 0; tries < 100; tries++) {
            read(second);
            if (Arrays.equals(first, second)) {
                return first.clone();
            }
            System.arraycopy(second, 0, first, 0, second.length);
        }
        throw new IllegalStateException(setup.name() + ": the device changed during each of 100 copies in a row");
    }

    private void read(byte[] into) throws IOException {
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(into);
            while (buffer.hasRemaining() && ch.read(buffer) >= 0) {
                // reads until full
            }
        }
    }

    /** Another process's fsync on this file system: on ext4 a journal commit, on xfs a log force, of everything so far. */
    void commitByAnotherFile() throws IOException {
        try (FileChannel ch = FileChannel.open(mountPoint.resolve("sentinel"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {1}), 0);
            ch.force(true);
        }
    }

    /** Keeps a cut as an image file of its own until {@link #read} has mounted it. */
    public Path keep(byte[] cut) throws IOException {
        Path copy = dir.resolve("cut-" + kept.incrementAndGet() + ".img");
        Files.write(copy, cut);
        return copy;
    }

    /**
     * Mounts a kept cut (recovery runs) and reads one directory, relative to the mount point (an
     * empty snapshot if the cut does not have it); the image is deleted afterwards. Each cut has its
     * own image, loop device and mount point.
     */
    Snapshot read(Path copy, String directory) throws IOException {
        return onCopy(copy, at -> Files.isDirectory(at.resolve(directory)) ? Snapshot.of(at.resolve(directory)) : Snapshot.empty());
    }

    /** What is done with a mounted cut: its mount point in, a finding out. */
    @FunctionalInterface
    public interface OnCopy<T> {
        T at(Path mountPoint) throws IOException;
    }

    /**
     * Mounts a kept cut read-write on a loop device of its own (journal or log recovery runs, as after
     * a reboot), hands its mount point to {@code use}, then unmounts it and deletes the image. What
     * {@code use} changes there (a store's own recovery) changes only this copy.
     */
    public <T> T onCopy(Path copy, OnCopy<T> use) throws IOException {
        Path at = Files.createDirectories(dir.resolve(copy.getFileName() + ".mnt"));
        try {
            // mount -o loop sets the loop device up and frees it again at umount: two commands, not four.
            Shell.run("mount", "-t", setup.type(), "-o", "loop," + setup.copyMountOptions(), copy.toString(), at.toString());
            try {
                return use.at(at);
            } finally {
                Shell.run("umount", at.toString());
            }
        } finally {
            Files.delete(copy);
            Files.delete(at);
        }
    }

    @Override
    public void close() {
        try {
            Shell.run("umount", mountPoint.toString());
        } finally {
            Shell.run("losetup", "-d", device);
            try {
                Files.deleteIfExists(image);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
