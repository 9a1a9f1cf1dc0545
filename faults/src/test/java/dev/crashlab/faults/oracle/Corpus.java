package dev.crashlab.faults.oracle;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.crashlab.store.Codecs;
import dev.crashlab.store.Durability;
import dev.crashlab.store.WriteOnceStore;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The idiom corpus: the ways JVM code creates, writes, syncs, copies, moves, links and deletes
 * files, each small enough that every crash point can be visited. Values are short on purpose
 * (a few bytes to a few sectors) so that a listing stays readable; one idiom is larger than the
 * JDK's 8 KiB stream buffer so that chunked writes are covered too.
 */
final class Corpus {

    static final byte[] OLD = "old contents, longer than the new ones\n".getBytes(UTF_8);
    static final byte[] NEW = "new value\n".getBytes(UTF_8);
    static final byte[] MORE = "more\n".getBytes(UTF_8);

    private static final Map<String, Idiom> IDIOMS = new LinkedHashMap<>();

    private Corpus() {
    }

    static List<Idiom> all() {
        return List.copyOf(IDIOMS.values());
    }

    static Idiom named(String name) {
        Idiom idiom = IDIOMS.get(name);
        if (idiom == null) {
            throw new IllegalArgumentException("no idiom named " + name + "; the corpus has " + IDIOMS.keySet());
        }
        return idiom;
    }

    private static void add(Idiom idiom) {
        if (IDIOMS.put(idiom.name(), idiom) != null) {
            throw new IllegalStateException("two idioms named " + idiom.name());
        }
    }

    private static void old(Path root, String name) throws Exception {
        Files.write(root.resolve(name), OLD);
    }

    private static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes);
    }

    static {
        javaIo();
        nioStreams();
        channels();
        randomAccessFiles();
        copiesAndMoves();
        namesAndDirectories();
        afterRename();
        protocols();
        more();
        sharedFiles();
        handlesOutliveNames();
        syncsOfAnotherFile();
        storeProtocols();
    }

    private static void javaIo() {
        add(Idiom.of("fos-create", root -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile())) {
                out.write(NEW);
            }
        }));
        add(Idiom.of("fos-overwrite", root -> old(root, "a"), root -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile())) {
                out.write(NEW);
            }
        }));
        add(Idiom.of("fos-append", root -> old(root, "a"), root -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile(), true)) {
                out.write(MORE);
                out.write('!');
            }
        }));
        add(Idiom.of("fos-fd-sync", root -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile())) {
                out.write(NEW, 0, 4);
                out.write(NEW, 4, NEW.length - 4);
                out.getFD().sync();
            }
        }));
        add(Idiom.of("fos-channel-force", root -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile())) {
                out.write(NEW);
                out.getChannel().write(buffer(MORE));
                out.getChannel().force(true);
            }
        }));
        add(Idiom.of("buffered-fos", root -> {
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(root.resolve("a").toFile()))) {
                out.write(NEW);
                out.write(MORE);
            }
        }));
    }

    private static void nioStreams() {
        add(Idiom.of("files-write", root -> Files.write(root.resolve("a"), NEW)));
        add(Idiom.of("files-write-overwrite", root -> old(root, "a"), root -> Files.write(root.resolve("a"), NEW)));
        add(Idiom.of("files-write-append", root -> old(root, "a"),
                root -> Files.write(root.resolve("a"), MORE, StandardOpenOption.APPEND)));
        add(Idiom.of("files-write-create-new", root -> Files.write(root.resolve("a"), NEW,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)));
        add(Idiom.of("files-write-string", root -> Files.writeString(root.resolve("a"), "héllo wörld\n")));
        add(Idiom.of("files-write-large", root -> {
            byte[] big = new byte[20_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31 + 7);
            }
            Files.write(root.resolve("a"), big);
        }));
        add(Idiom.of("new-output-stream", root -> {
            try (OutputStream out = Files.newOutputStream(root.resolve("a"))) {
                out.write(NEW);
                out.write(MORE);
            }
        }));
        add(Idiom.of("files-write-lines-append", root -> old(root, "a"), root -> Files.write(root.resolve("a"),
                List.of("one", "two"), UTF_8, StandardOpenOption.APPEND)));
        add(Idiom.of("new-buffered-writer", root -> {
            try (BufferedWriter out = Files.newBufferedWriter(root.resolve("a"))) {
                out.write("line one\n");
                out.write("line two\n");
            }
        }));
    }

    private static void channels() {
        add(Idiom.of("channel-sequential", root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(buffer(NEW));
                ch.write(buffer(MORE));
                ch.force(true);
            }
        }));
        add(Idiom.of("channel-positional", root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(buffer(MORE), 600);
                ch.write(buffer(NEW), 0);
                ch.force(false);
            }
        }));
        add(Idiom.of("channel-position-then-write", root -> old(root, "a"), root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.WRITE)) {
                ch.position(4);
                ch.write(buffer(MORE));
            }
        }));
        add(Idiom.of("channel-gather", root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(new ByteBuffer[] {buffer(NEW), buffer(MORE)});
            }
        }));
        add(Idiom.of("channel-append", root -> old(root, "a"), root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.APPEND)) {
                ch.write(buffer(MORE));
                ch.force(true);
            }
        }));
        add(Idiom.of("channel-truncate", root -> old(root, "a"), root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.WRITE)) {
                ch.truncate(7);
                ch.force(true);
            }
        }));
        add(Idiom.of("channel-truncate-existing-option", root -> old(root, "a"), root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(buffer(NEW));
            }
        }));
        add(Idiom.of("channel-sync-option", root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC)) {
                ch.write(buffer(NEW));
                ch.write(buffer(MORE));
            }
        }));
        add(Idiom.of("channel-dsync-option", root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.DSYNC)) {
                ch.write(buffer(NEW));
            }
        }));
        add(Idiom.of("read-only-map", root -> old(root, "a"), root -> {
            byte[] copy;
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.READ)) {
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
                copy = new byte[map.remaining()];
                map.get(copy);
            }
            Files.write(root.resolve("b"), copy);
        }));
        add(Idiom.of("fsync-second-handle", root -> {
            Path a = root.resolve("a");
            try (FileChannel writer = FileChannel.open(a, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                writer.write(buffer(NEW));
                try (FileChannel syncer = FileChannel.open(a, StandardOpenOption.READ)) {
                    syncer.force(true);
                }
            }
        }));
        add(Idiom.of("unlinked-open-file", root -> {
            Path a = root.resolve("a");
            try (FileChannel ch = FileChannel.open(a, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(buffer(NEW));
                Files.delete(a);
                ch.write(buffer(MORE));
                ch.force(true);
            }
            Files.write(root.resolve("b"), MORE);
        }));
    }

    private static void randomAccessFiles() {
        add(Idiom.of("raf-rw-seek", root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw")) {
                raf.write(NEW);
                raf.seek(2);
                raf.write(MORE, 0, 2);
                raf.seek(700);
                raf.write('x');
            }
        }));
        add(Idiom.of("raf-rws", root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rws")) {
                raf.write(NEW);
                raf.write(MORE);
            }
        }));
        add(Idiom.of("raf-rwd", root -> old(root, "a"), root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rwd")) {
                raf.write(NEW);
            }
        }));
        add(Idiom.of("raf-set-length-shrink", root -> old(root, "a"), root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw")) {
                raf.setLength(5);
                raf.getFD().sync();
            }
        }));
        add(Idiom.of("raf-set-length-grow", root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw")) {
                raf.write(NEW);
                raf.setLength(100);
            }
        }));
        add(Idiom.of("raf-channel", root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw")) {
                raf.getChannel().write(buffer(NEW), 3);
                raf.getChannel().force(false);
            }
        }));
    }

    private static void copiesAndMoves() {
        add(Idiom.of("copy-new", root -> old(root, "src"), root -> Files.copy(root.resolve("src"), root.resolve("dst"))));
        add(Idiom.of("copy-replace-existing", root -> {
            Files.write(root.resolve("src"), NEW);
            old(root, "dst");
        }, root -> Files.copy(root.resolve("src"), root.resolve("dst"), StandardCopyOption.REPLACE_EXISTING)));
        add(Idiom.of("copy-from-stream", root -> Files.copy(new ByteArrayInputStream(NEW), root.resolve("dst"))));
        add(Idiom.of("copy-from-stream-replace", root -> old(root, "dst"),
                root -> Files.copy(new ByteArrayInputStream(NEW), root.resolve("dst"), StandardCopyOption.REPLACE_EXISTING)));
        add(Idiom.of("copy-to-output-stream", root -> old(root, "src"), root -> {
            try (OutputStream out = new FileOutputStream(root.resolve("dst").toFile())) {
                Files.copy(root.resolve("src"), out);
            }
        }));
        add(Idiom.of("transfer-to-stream", root -> {
            try (OutputStream out = Files.newOutputStream(root.resolve("dst"))) {
                new ByteArrayInputStream(NEW).transferTo(out);
            }
        }));
        add(Idiom.of("move-onto-itself", root -> old(root, "a"),
                root -> Files.move(root.resolve("a"), root.resolve("a"), StandardCopyOption.REPLACE_EXISTING)));
        add(Idiom.of("move", root -> old(root, "a"), root -> Files.move(root.resolve("a"), root.resolve("b"))));
        add(Idiom.of("move-atomic", root -> old(root, "a"),
                root -> Files.move(root.resolve("a"), root.resolve("b"), StandardCopyOption.ATOMIC_MOVE)));
        add(Idiom.of("move-replace-existing", root -> {
            old(root, "a");
            Files.write(root.resolve("b"), NEW);
        }, root -> Files.move(root.resolve("a"), root.resolve("b"), StandardCopyOption.REPLACE_EXISTING)));
        add(Idiom.of("move-atomic-replace", root -> {
            old(root, "a");
            Files.write(root.resolve("b"), NEW);
        }, root -> Files.move(root.resolve("a"), root.resolve("b"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING)));
        add(Idiom.of("move-into-subdirectory", root -> {
            old(root, "a");
            Files.createDirectory(root.resolve("d"));
        }, root -> Files.move(root.resolve("a"), root.resolve("d/a"), StandardCopyOption.ATOMIC_MOVE)));
        add(Idiom.of("rename-to", root -> old(root, "a"),
                root -> root.resolve("a").toFile().renameTo(root.resolve("b").toFile())));
        add(Idiom.of("rename-to-over-existing", root -> {
            old(root, "a");
            Files.write(root.resolve("b"), NEW);
        }, root -> root.resolve("a").toFile().renameTo(root.resolve("b").toFile())));
    }

    private static void namesAndDirectories() {
        add(Idiom.of("create-link", root -> old(root, "a"), root -> Files.createLink(root.resolve("b"), root.resolve("a"))));
        add(Idiom.of("files-delete", root -> old(root, "a"), root -> Files.delete(root.resolve("a"))));
        add(Idiom.of("file-delete", root -> old(root, "a"), root -> root.resolve("a").toFile().delete()));
        add(Idiom.of("delete-if-exists", root -> old(root, "a"), root -> {
            Files.deleteIfExists(root.resolve("a"));
            Files.deleteIfExists(root.resolve("never"));
        }));
        add(Idiom.of("files-create-file", root -> Files.write(Files.createFile(root.resolve("a")), NEW)));
        add(Idiom.of("files-create-temp-file", root -> Files.write(Files.createTempFile(root, "tmp-", ".tmp"), NEW)));
        add(Idiom.of("file-create-temp-file", root -> {
            File temp = File.createTempFile("tmp-", ".tmp", root.toFile());
            try (FileOutputStream out = new FileOutputStream(temp)) {
                out.write(NEW);
            }
        }));
        add(Idiom.of("file-create-new-file", root -> {
            File a = root.resolve("a").toFile();
            a.createNewFile();
            try (FileOutputStream out = new FileOutputStream(a, true)) {
                out.write(NEW);
            }
        }));
        add(Idiom.of("file-mkdirs", root -> {
            root.resolve("d/e/f").toFile().mkdirs();
            Files.write(root.resolve("d/e/f/a"), NEW);
        }));
        add(Idiom.of("file-mkdir", root -> root.resolve("d").toFile().mkdir()));
        add(Idiom.of("files-create-directories", root -> {
            Files.createDirectories(root.resolve("d/e"));
            Files.write(root.resolve("d/e/a"), NEW);
        }));
        add(Idiom.of("files-create-directory-and-delete", root -> {
            Files.createDirectory(root.resolve("d"));
            Files.delete(root.resolve("d"));
        }));
        add(Idiom.of("directory-fsync", root -> {
            Files.write(root.resolve("a"), NEW);
            try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }));
    }

    private static void afterRename() {
        add(Idiom.of("write-fsync-close-after-rename", root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(buffer(NEW));
                Files.move(root.resolve("a"), root.resolve("b"), StandardCopyOption.ATOMIC_MOVE);
                ch.write(buffer(MORE));
                ch.force(true);
            }
        }));
        add(Idiom.of("fsync-after-rename", root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(buffer(NEW));
                Files.move(root.resolve("a"), root.resolve("b"), StandardCopyOption.ATOMIC_MOVE);
                ch.force(true);
            }
        }));
        add(Idiom.of("buffered-flush-after-rename", root -> {
            File a = root.resolve("a").toFile();
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(a))) {
                out.write(NEW);
                a.renameTo(root.resolve("b").toFile());
            }
        }));
        add(Idiom.of("raf-write-after-rename", root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw")) {
                raf.write(NEW);
                root.resolve("a").toFile().renameTo(root.resolve("b").toFile());
                raf.write(MORE);
                raf.getFD().sync();
            }
        }));
    }

    private static void protocols() {
        add(Idiom.of("temp-fsync-rename-dir-fsync", root -> {
            Path temp = root.resolve("a.tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(buffer(NEW));
                ch.force(true);
            }
            Files.move(temp, root.resolve("a"), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }));
        add(Idiom.of("store-put-durable", root -> {
            WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8())
                    .durability(Durability.FILE_AND_DIRECTORY).build();
            store.put("k", "value");
        }));
        add(Idiom.of("store-put-none", root -> {
            WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8())
                    .durability(Durability.NONE).build();
            store.put("k", "value");
            store.put("j", "other");
        }));
    }

    private static void more() {
        add(Idiom.of("file-writer", root -> {
            try (java.io.FileWriter out = new java.io.FileWriter(root.resolve("a").toFile(), UTF_8)) {
                out.write("written by a FileWriter\n");
            }
        }));
        add(Idiom.of("print-stream-autoflush", root -> {
            try (java.io.PrintStream out = new java.io.PrintStream(new FileOutputStream(root.resolve("a").toFile()), true, UTF_8)) {
                out.println("one");
                out.println("two");
            }
        }));
        add(Idiom.of("fos-append-creates", root -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile(), true)) {
                out.write(NEW);
            }
        }));
        add(Idiom.of("files-write-empty-over-existing", root -> old(root, "a"), root -> Files.write(root.resolve("a"), new byte[0])));
        add(Idiom.of("new-byte-channel", root -> {
            try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(root.resolve("a"),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(buffer(NEW));
                ch.position(20);
                ch.write(buffer(MORE));
            }
        }));
        add(Idiom.of("channel-direct-buffer", root -> {
            ByteBuffer direct = ByteBuffer.allocateDirect(NEW.length);
            direct.put(NEW).flip();
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(direct);
                ch.force(true);
            }
        }));
        add(Idiom.of("delete-on-close", root -> {
            try (OutputStream out = Files.newOutputStream(root.resolve("a"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
                out.write(NEW);
            }
            Files.write(root.resolve("b"), MORE);
        }));
        add(Idiom.of("move-directory", root -> {
            Files.createDirectory(root.resolve("d"));
            old(root, "d/a");
        }, root -> Files.move(root.resolve("d"), root.resolve("e"), StandardCopyOption.ATOMIC_MOVE)));
        add(Idiom.of("link-then-delete-original", root -> old(root, "a"), root -> {
            Files.createLink(root.resolve("b"), root.resolve("a"));
            Files.delete(root.resolve("a"));
        }));
        add(Idiom.of("files-create-temp-directory", root -> {
            Path dir = Files.createTempDirectory(root, "dir-");
            Files.write(dir.resolve("a"), NEW);
        }));
        add(Idiom.of("copy-large", root -> {
            byte[] big = new byte[100_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i % 251);
            }
            Files.write(root.resolve("src"), big);
        }, root -> Files.copy(root.resolve("src"), root.resolve("dst"))));
        add(Idiom.of("move-across-file-systems", root -> Files.write(Elsewhere.of(root).resolve("a"), NEW),
                root -> Files.move(Elsewhere.of(root).resolve("a"), root.resolve("a"))));
        add(Idiom.of("move-across-file-systems-replace", root -> {
            Files.write(Elsewhere.of(root).resolve("a"), NEW);
            old(root, "a");
        }, root -> Files.move(Elsewhere.of(root).resolve("a"), root.resolve("a"), StandardCopyOption.REPLACE_EXISTING)));
        add(Idiom.of("move-out-to-another-file-system", root -> old(root, "a"),
                root -> Files.move(root.resolve("a"), Elsewhere.of(root).resolve("a"))));
        add(Idiom.of("move-atomic-across-file-systems", root -> Files.write(Elsewhere.of(root).resolve("a"), NEW), root -> {
            try {
                Files.move(Elsewhere.of(root).resolve("a"), root.resolve("a"), StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException acrossDevices) {
                Files.write(root.resolve("fallback"), NEW);
            }
        }));
        add(Idiom.of("rename-to-across-file-systems", root -> Files.write(Elsewhere.of(root).resolve("a"), NEW), root -> {
            if (Elsewhere.of(root).resolve("a").toFile().renameTo(root.resolve("a").toFile())) {
                return;
            }
            Files.write(root.resolve("fallback"), NEW);
        }));
        add(Idiom.of("fos-on-raf-descriptor", root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw")) {
                raf.write(NEW);
                FileOutputStream out = new FileOutputStream(raf.getFD());
                out.write(MORE);
                out.flush();
            }
        }));
        add(Idiom.of("subdirectory-fsync", root -> {
            Path d = Files.createDirectory(root.resolve("d"));
            Files.write(d.resolve("a"), NEW);
            try (FileChannel dir = FileChannel.open(d, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }));
        add(Idiom.of("move-between-directories-both-synced", root -> {
            Files.createDirectory(root.resolve("from"));
            Files.createDirectory(root.resolve("to"));
            old(root, "from/a");
        }, root -> {
            Files.move(root.resolve("from/a"), root.resolve("to/a"), StandardCopyOption.ATOMIC_MOVE);
            for (String dir : List.of("from", "to")) {
                try (FileChannel ch = FileChannel.open(root.resolve(dir), StandardOpenOption.READ)) {
                    ch.force(true);
                }
            }
        }));
        add(Idiom.of("files-write-sync-option", root -> Files.write(root.resolve("a"), NEW, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC)));
        add(Idiom.of("store-put-file", root -> {
            WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8()).durability(Durability.FILE).build();
            store.put("k", "value");
        }));
        add(Idiom.of("store-put-all", root -> {
            WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8())
                    .durability(Durability.FILE_AND_DIRECTORY).build();
            store.putAll(new java.util.TreeMap<>(Map.of("k", "value", "j", "other")));
        }));
    }

    /** Several handles, threads or steps on one file, where a handle's idea of its position can go stale. */
    private static void sharedFiles() {
        add(Idiom.of("two-appending-streams", root -> {
            File a = root.resolve("a").toFile();
            try (FileOutputStream first = new FileOutputStream(a, true);
                 FileOutputStream second = new FileOutputStream(a, true)) {
                first.write(NEW);
                second.write(MORE);
                first.write('!');
            }
        }));
        add(Idiom.of("two-appending-nio-streams", root -> old(root, "a"), root -> {
            try (OutputStream first = Files.newOutputStream(root.resolve("a"), StandardOpenOption.APPEND);
                 OutputStream second = Files.newOutputStream(root.resolve("a"), StandardOpenOption.APPEND)) {
                first.write(NEW);
                second.write(MORE);
                first.write('!');
            }
        }));
        add(Idiom.of("fos-channel-position-then-stream-write", root -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile())) {
                out.write(NEW);
                out.getChannel().position(3);
                out.write(MORE);
            }
        }));
        add(Idiom.of("fos-channel-truncate-then-stream-write", root -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile())) {
                out.write(NEW);
                out.getChannel().truncate(4);
                out.write(MORE);
            }
        }));
        add(Idiom.of("append-stream-after-another-handle-truncates", root -> old(root, "a"), root -> {
            try (FileOutputStream out = new FileOutputStream(root.resolve("a").toFile(), true);
                 FileChannel other = FileChannel.open(root.resolve("a"), StandardOpenOption.WRITE)) {
                out.write(NEW);
                other.truncate(3);
                out.write(MORE);
            }
        }));
        add(Idiom.of("raf-and-stream-on-one-file", root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw");
                 FileOutputStream out = new FileOutputStream(root.resolve("a").toFile(), true)) {
                raf.write(NEW);
                out.write(MORE);
                raf.write('!');
            }
        }));
        add(Idiom.of("write-from-another-thread", root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                Exception[] failed = new Exception[1];
                Thread writer = new Thread(() -> {
                    try {
                        ch.write(buffer(NEW));
                        ch.force(true);
                    } catch (Exception e) {
                        failed[0] = e;
                    }
                });
                writer.start();
                writer.join();
                if (failed[0] != null) {
                    throw failed[0];
                }
                ch.write(buffer(MORE));
            }
        }));
        add(Idiom.of("create-new-over-existing-fails", root -> old(root, "a"), root -> {
            try (OutputStream out = Files.newOutputStream(root.resolve("a"), StandardOpenOption.CREATE_NEW)) {
                out.write(NEW);
            } catch (java.nio.file.FileAlreadyExistsException expected) {
                Files.write(root.resolve("b"), NEW);
            }
        }));
        add(Idiom.of("raf-data-output", root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rw")) {
                raf.writeInt(0x01020304);
                raf.writeUTF("héllo");
                raf.writeLong(-1L);
            }
        }));
        add(Idiom.of("channel-gather-subrange", root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("a"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(new ByteBuffer[] {buffer(OLD), buffer(NEW), buffer(MORE)}, 1, 2);
            }
        }));
        add(Idiom.of("gzip-stream", root -> {
            try (OutputStream out = new java.util.zip.GZIPOutputStream(new FileOutputStream(root.resolve("a.gz").toFile()))) {
                out.write(NEW);
            }
        }));
        add(Idiom.of("delete-tree", root -> {
            Files.createDirectories(root.resolve("d/e"));
            old(root, "d/a");
            old(root, "d/e/b");
        }, root -> {
            try (java.util.stream.Stream<Path> walk = Files.walk(root.resolve("d"))) {
                for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }));
    }

    /** A handle keeps writing to its file while names around it change: the file, not the name, gets the bytes. */
    private static void handlesOutliveNames() {
        add(Idiom.of("raf-rws-channel", root -> {
            try (RandomAccessFile raf = new RandomAccessFile(root.resolve("a").toFile(), "rws")) {
                raf.getChannel().write(buffer(NEW));
            }
        }));
        add(Idiom.of("handle-survives-replacement", root -> {
            Path a = root.resolve("a");
            try (FileChannel old = FileChannel.open(a, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                old.write(buffer(NEW));
                Files.move(a, root.resolve("b"), StandardCopyOption.ATOMIC_MOVE);
                Files.write(a, MORE);
                old.write(buffer(MORE));
                old.force(true);
            }
        }));
        add(Idiom.of("write-to-replaced-file", root -> old(root, "a"), root -> {
            Path a = root.resolve("a");
            try (FileChannel stale = FileChannel.open(a, StandardOpenOption.WRITE)) {
                Files.write(root.resolve("a.tmp"), NEW);
                Files.move(root.resolve("a.tmp"), a, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                stale.write(buffer(MORE), 0);
                stale.force(true);
            }
        }));
        add(Idiom.of("directory-fsync-after-directory-rename", root -> Files.createDirectory(root.resolve("d")), root -> {
            try (FileChannel dir = FileChannel.open(root.resolve("d"), StandardOpenOption.READ)) {
                Files.write(root.resolve("d/a"), NEW);
                Files.move(root.resolve("d"), root.resolve("e"), StandardCopyOption.ATOMIC_MOVE);
                dir.force(true);
            }
        }));
        add(Idiom.of("write-after-parent-rename", root -> Files.createDirectory(root.resolve("d")), root -> {
            try (FileChannel ch = FileChannel.open(root.resolve("d/a"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(buffer(NEW));
                Files.move(root.resolve("d"), root.resolve("e"), StandardCopyOption.ATOMIC_MOVE);
                ch.write(buffer(MORE));
                ch.force(true);
            }
        }));
    }

    /**
     * A rename of one file, then a sync of another: whether the sync carries the rename to disk
     * depends on the file system (ext4 commits the running journal transaction only when the synced
     * file has changes in it). A write, then a rename over an existing file or to a new name, with
     * no fsync at all: ext4's auto_da_alloc writes the data of the first before the rename commits.
     */
    private static void syncsOfAnotherFile() {
        Idiom.Step twoOld = root -> {
            old(root, "a");
            old(root, "b");
        };
        add(Idiom.of("rename-then-fsync-unchanged-other", twoOld, root -> {
            Files.move(root.resolve("a"), root.resolve("c"), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel b = FileChannel.open(root.resolve("b"), StandardOpenOption.WRITE)) {
                b.force(true);
            }
        }));
        add(Idiom.of("overwrite-rename-fdatasync-other", twoOld, root -> {
            try (FileChannel b = FileChannel.open(root.resolve("b"), StandardOpenOption.WRITE)) {
                b.write(buffer(NEW), 0);
                Files.move(root.resolve("a"), root.resolve("c"), StandardCopyOption.ATOMIC_MOVE);
                b.force(false);
            }
        }));
        add(Idiom.of("append-rename-fsync-other", twoOld, root -> {
            try (FileChannel b = FileChannel.open(root.resolve("b"), StandardOpenOption.APPEND)) {
                b.write(buffer(MORE));
                Files.move(root.resolve("a"), root.resolve("c"), StandardCopyOption.ATOMIC_MOVE);
                b.force(true);
            }
        }));
        add(Idiom.of("rename-append-fsync-other", twoOld, root -> {
            try (FileChannel b = FileChannel.open(root.resolve("b"), StandardOpenOption.APPEND)) {
                Files.move(root.resolve("a"), root.resolve("c"), StandardCopyOption.ATOMIC_MOVE);
                b.write(buffer(MORE));
                b.force(true);
            }
        }));
        add(Idiom.of("write-rename-over-no-fsync", root -> old(root, "a"), root -> {
            Files.write(root.resolve("a.tmp"), NEW);
            Files.move(root.resolve("a.tmp"), root.resolve("a"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }));
        add(Idiom.of("write-rename-new-no-fsync", root -> {
            Files.write(root.resolve("a.tmp"), NEW);
            Files.move(root.resolve("a.tmp"), root.resolve("a"), StandardCopyOption.ATOMIC_MOVE);
        }));
    }

    /** Every protocol of the reference store, the seeded bugs included, putting two entries under FILE_AND_DIRECTORY. */
    private static void storeProtocols() {
        for (dev.crashlab.store.Protocol protocol : dev.crashlab.store.Protocol.values()) {
            add(Idiom.of("store-protocol-" + protocol.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), root -> {
                WriteOnceStore<String> store = protocol.on(WriteOnceStore.builder(root, Codecs.utf8())
                        .durability(Durability.FILE_AND_DIRECTORY),
                        protocol == dev.crashlab.store.Protocol.TEMP_ELSEWHERE ? Elsewhere.of(root) : null).build();
                store.put("k", "value");
                store.put("j", "other");
            }));
        }
    }
}
