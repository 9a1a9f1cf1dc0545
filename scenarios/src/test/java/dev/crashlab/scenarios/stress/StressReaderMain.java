package dev.crashlab.scenarios.stress;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A reader process for {@link ReaderProcessesStressTest}: reads the keys of a store directory in a
 * loop until a "done" marker file appears, then once more, and reports on stdout.
 *
 * <pre>
 *   java dev.crashlab.scenarios.stress.StressReaderMain ROOT DONE_MARKER PROBE PROFILE COUNT
 * </pre>
 *
 * <ul>
 *   <li>{@code DONE_MARKER} holds the number of keys the writer put (written by rename, so never
 *       seen half-written); once it exists the reader makes a last pass and exits.</li>
 *   <li>{@code PROBE}, while it exists, holds {@code SEQ KEY}: the writer is paused and waits until
 *       each reader has read KEY once and answered {@code served SEQ torn|ok}.</li>
 * </ul>
 *
 * Prints {@code ready} once it is about to read, {@code torn KEY: WHAT} for each torn read as it
 * happens, and a last line {@code result reads=.. torn=.. absent=.. complete=.. missing=..}.
 * Exit status 0 unless it could not run at all.
 */
public final class StressReaderMain {

    private StressReaderMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: StressReaderMain ROOT DONE_MARKER PROBE PROFILE COUNT");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        Path done = Path.of(args[1]);
        Path probe = Path.of(args[2]);
        StressData data = StressData.valueOf(args[3]);
        int count = Integer.parseInt(args[4]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ReaderLoop loop = new ReaderLoop(root, data, count, line -> out.println("torn " + line));
        // Warm up (a bounded number of reads of a key nobody writes), so the polling that matters
        // runs compiled rather than in the interpreter.
        for (int i = 0; i < data.warmUpReads(); i++) {
            loop.warmUp();
        }
        out.println("ready");
        long[] served = {-1};
        File doneFile = done.toFile();
        File probeFile = probe.toFile();
        // java.io.File.exists: a plain stat, where Files.exists throws and catches an exception
        // for a missing file, which would slow every poll.
        loop.run(doneFile::exists, () -> {
            if (!probeFile.exists()) {
                return;
            }
            String request;
            try {
                request = Files.readString(probe).trim();
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String[] parts = request.split(" ");
            long seq = Long.parseLong(parts[0]);
            if (seq > served[0]) {
                served[0] = seq;
                ReaderLoop.Seen seen = loop.read(Integer.parseInt(parts[1]));
                out.println("served " + seq + " " + (seen == ReaderLoop.Seen.TORN ? "torn" : "ok"));
            }
        });
        int written = Integer.parseInt(Files.readString(done).trim());
        out.println("result " + loop.summary(written));
    }
}
