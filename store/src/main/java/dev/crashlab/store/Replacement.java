package dev.crashlab.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces an invalid entry without ever removing a valid one, whatever writers, readers, the
 * cleanup and a person deleting files by hand do meanwhile.
 *
 * <p>Why a marker. A new entry is published by {@code link(2)}, which never replaces, so two
 * writers of an absent key cannot both win. An invalid entry must first leave the entry's name,
 * and POSIX has no "remove this name only if it still is that file": {@code rename} and
 * {@code unlink} act on whatever the name holds at that moment. Comparing inodes before and after
 * only detects the loss: if the invalid file was removed meanwhile (by a second replacer, or by
 * hand) and a writer published a valid entry, the rename has already taken that valid entry away,
 * readers have seen the key go from a value to nothing, and putting it back races a third writer.
 * So the replacer makes sure, before it moves anything, that no other writer can publish:
 *
 * <ol>
 *   <li>it publishes a marker {@code .HASH.replacing} by linking a complete temp file (so the
 *       marker is never seen half-written), naming its owner: process id, process start time, and
 *       a token this JVM keeps while the replacement runs;</li>
 *   <li>it looks at the entry again, now under the marker: a valid entry means another writer won
 *       (the put then behaves as if it had found it); nothing means it was deleted by hand;</li>
 *   <li>it renames the invalid file to a temp name (checking afterwards that what it moved is
 *       invalid: a defence against writers outside this protocol), deletes it, links its own entry,
 *       and removes the marker.</li>
 * </ol>
 *
 * <p>A writer that finds the key absent checks for a live marker just before its link, and backs
 * off while there is one. Race-free because: a valid entry reaches the name only by a link made
 * with no live marker in place, or by the marker's owner; the owner renames only a file it judged
 * invalid after its marker was in place. For the rename to take a valid entry, that entry must have
 * been linked after the owner's look, so by a writer that saw no marker before linking, so that
 * writer looked at the key before the marker existed, when the invalid file was already there or
 * already gone; it links only on "absent", and a key never goes from absent back to invalid (an
 * invalid file is a crash's or a disk's leftover, not something a writer publishes), so the owner
 * would have found the key absent or valid, not invalid. Two replacers cannot both hold the marker
 * (the link is exclusive); the cleanup never touches markers, and readers never write.
 *
 * <p>Crashes: a marker whose owner is gone (a process that died, or a put in this JVM that ended
 * without removing it) is stale. Writers of absent keys ignore a stale marker; a replacer takes it
 * over by first linking it to a claim name derived from its owner, which only one replacer can
 * create, then deleting it. A live marker makes any writer look again a bounded number of times (a
 * few milliseconds), then give up with {@link ReplacementInProgressException}: never an endless wait.
 */
final class Replacement {

    private static final System.Logger LOG = System.getLogger("dev.crashlab.store");
    private static final String JVM = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    private static final long PID = ProcessHandle.current().pid();
    private static final long STARTED = startMillis(ProcessHandle.current());
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Tokens of the replacements running in this JVM: a marker whose token is not here was left by a put that ended. */
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();
    private static final Pattern TOKEN = Pattern.compile("crashlab-replacing pid=(\\d+) start=(-?\\d+) jvm=([0-9a-f]{16}) n=\\d+\\n?");
    private static final int TRIES = 200;

    private final Steps steps;

    Replacement(Steps steps) {
        this.steps = steps;
    }

    static Path markerFile(Put<?> put) {
        return put.directory.resolve("." + put.hash + ".replacing");
    }

    /** Where the marker of {@code key} in {@code store} lives; for tests. */
    static Path markerFile(WriteOnceStore<?> store, String key) {
        Path entry = store.entryFile(key);
        String name = entry.getFileName().toString();
        return entry.resolveSibling("." + name.substring(0, name.length() - ".entry".length()) + ".replacing");
    }

    /**
     * Before a writer links an entry into an absent key: waits a bounded time while another writer
     * replaces the key's invalid entry, then gives up. A stale marker is ignored: its owner moves nothing.
     */
    void awaitNoReplacer(Put<?> put) throws IOException {
        Path marker = markerFile(put);
        for (int attempt = 0; ; attempt++) {
            String owner = noLiveMarker(marker) ? null : readToken(marker);
            if (owner == null || !alive(owner)) {
                return;
            }
            if (attempt == TRIES) {
                throw new ReplacementInProgressException(marker, put.describeKey(), describeOwner(owner));
            }
            backOff(attempt);
        }
    }

    /**
     * Publishes {@code temp} as the entry of {@code put} in place of the invalid entry found there.
     * Throws {@link RenamePublisher.LostRace} when another writer's valid entry is there now.
     */
    void replace(Put<?> put, Path temp, long maxFileBytes) throws IOException {
        String token = "crashlab-replacing pid=" + PID + " start=" + STARTED + " jvm=" + JVM + " n="
                + COUNTER.incrementAndGet() + "\n";
        LIVE.add(token);
        try {
            Path marker = acquire(put, token);
            replaceHolding(put, temp, maxFileBytes);
            steps.step("delete replacement marker", marker, put, () -> Files.deleteIfExists(marker));
        } catch (IOException e) {
            releaseQuietly(markerFile(put), token);
            throw e;
        } finally {
            LIVE.remove(token);
        }
    }

    private void replaceHolding(Put<?> put, Path temp, long maxFileBytes) throws IOException {
        EntryReader.Found now = EntryReader.read(put.entry, put.key, put.keyBytes, maxFileBytes, put.encodedValue());
        if (!now.absent() && !now.invalid()) {
            if (now.error() != null) {
                throw now.error();
            }
            throw new RenamePublisher.LostRace(put.entry);
        }
        if (now.directory()) {
            throw now.error();
        }
        if (now.invalid()) {
            moveAside(put, now, maxFileBytes);
        }
        if (!RenamePublisher.linkInto(steps, put, temp)) {
            throw new RenamePublisher.LostRace(put.entry);
        }
    }

    private void moveAside(Put<?> put, EntryReader.Found invalid, long maxFileBytes) throws IOException {
        Path aside = steps.tempFileName(put.directory, put.hash);
        boolean moved = steps.step("move invalid entry aside", put.entry, put, () -> {
            try {
                Files.move(put.entry, aside, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (NoSuchFileException deletedByHand) {
                return false;
            }
        });
        if (!moved) {
            return;
        }
        EntryReader.Found check = EntryReader.read(aside, put.key, put.keyBytes, maxFileBytes, put.encodedValue());
        if (!check.absent() && !check.invalid() && check.error() == null) {
            // Only a writer outside this protocol can have put a valid entry there: give it back.
            steps.step("put back a valid entry moved aside", put.entry, put, () -> Files.createLink(put.entry, aside));
            Steps.deleteQuietly(aside);
            throw new RenamePublisher.LostRace(put.entry);
        }
        LOG.log(System.Logger.Level.WARNING, "Replacing an invalid entry: " + invalid.error().getMessage());
        steps.step("delete invalid entry", aside, put, () -> Files.deleteIfExists(aside));
    }

    /** Publishes the marker, taking over a stale one; gives up after a bounded wait for a live one. */
    private Path acquire(Put<?> put, String token) throws IOException {
        Path marker = markerFile(put);
        Path temp = steps.tempFileName(put.directory, put.hash);
        steps.writeNewFile(temp, java.nio.ByteBuffer.wrap(token.getBytes(StandardCharsets.US_ASCII)), false, put);
        String owner = null;
        try {
            for (int attempt = 0; attempt <= TRIES; attempt++) {
                if (linkMarker(put, marker, temp)) {
                    steps.step("delete marker temp file", temp, put, () -> Files.deleteIfExists(temp));
                    return marker;
                }
                owner = readToken(marker);
                if (owner == null) {
                    continue; // released between the link and the look
                }
                if (!alive(owner)) {
                    takeOver(put, marker, owner);
                } else if (attempt < TRIES) {
                    backOff(attempt);
                }
            }
        } catch (IOException e) {
            Steps.deleteQuietly(temp);
            throw e;
        }
        Steps.deleteQuietly(temp);
        throw new ReplacementInProgressException(marker, put.describeKey(), describeOwner(owner));
    }

    private boolean linkMarker(Put<?> put, Path marker, Path temp) throws IOException {
        return steps.step("link replacement marker", marker, put, () -> {
            try {
                Files.createLink(marker, temp);
                return true;
            } catch (FileAlreadyExistsException held) {
                return false;
            }
        });
    }

    /** After a failure: removes the marker if it is this put's own, never another writer's. */
    private static void releaseQuietly(Path marker, String token) {
        try {
            if (token.equals(readToken(marker))) {
                Files.deleteIfExists(marker);
            }
        } catch (IOException ignored) {
            // left behind, it is stale once this put has ended: the next replacer takes it over
        }
    }

    /**
     * Removes a stale marker. The claim's name comes from the marker's owner, so of several writers
     * that found the same stale marker exactly one creates it; the claim is a second name of the
     * marker's file, so its content says whether the marker still was the stale one when claimed.
     */
    private void takeOver(Put<?> put, Path marker, String owner) throws IOException {
        String id = Keys.SHA_256.apply(owner.getBytes(StandardCharsets.US_ASCII)).substring(0, 16);
        Path claim = marker.resolveSibling("." + put.hash + "." + id + ".stale");
        boolean claimed = steps.step("claim stale replacement marker", claim, put, () -> {
            try {
                Files.createLink(claim, marker);
                return true;
            } catch (FileAlreadyExistsException | NoSuchFileException someoneElse) {
                return false;
            }
        });
        if (!claimed) {
            return;
        }
        try {
            if (owner.equals(readToken(claim))) {
                LOG.log(System.Logger.Level.WARNING, "Removing the stale replacement marker " + marker + " of "
                        + describeOwner(owner) + ", which ended without removing it");
                steps.step("delete stale replacement marker", marker, put, () -> Files.deleteIfExists(marker));
            }
        } finally {
            Steps.deleteQuietly(claim);
        }
    }

    /** The marker's content, or null when there is none; never follows a link, never reads much. */
    static String readToken(Path marker) throws IOException {
        byte[] bytes = EntryReader.readSmall(marker, 256);
        return bytes == null ? null : new String(bytes, StandardCharsets.US_ASCII);
    }

    /**
     * Every put asks whether a marker stands, and almost never does one: the look that costs no
     * exception (and no java.io.File) answers. It follows links: a dangling link is no marker, and a
     * live marker is never a link.
     */
    private static boolean noLiveMarker(Path marker) {
        return EntryReader.nothingVisibleAt(marker);
    }

    /** Whether the writer that published {@code token} may still be running. Unreadable: no writer wrote it whole. */
    static boolean alive(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return false;
        }
        if (m.group(3).equals(JVM)) {
            return LIVE.contains(token);
        }
        Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(m.group(1)));
        return p.isPresent() && p.get().isAlive() && startMillis(p.get()) == Long.parseLong(m.group(2));
    }

    private static String describeOwner(String token) {
        Matcher m = token == null ? null : TOKEN.matcher(token);
        return m != null && m.matches() ? "process " + m.group(1) + (m.group(3).equals(JVM) ? ", this JVM" : "")
                : "unknown";
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
    }

    /**
     * The marker is held for no fsync, a fraction of a millisecond: a writer that finds one yields
     * and looks again, up to {@link #TRIES} times (a few milliseconds), then gives up. No sleeping:
     * a writer stopped longer than that is not waited for, and a sleep would only add latency.
     */
    private static void backOff(int attempt) throws IOException {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while another writer replaced an invalid entry");
        }
        Thread.yield();
    }
}
