package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure path of a put tells the truth: which step on which file, whether the entry was
 * published, whether it is durable, and for a putAll which keys are visible. Checked by failing each
 * step of a real put in turn and comparing the message with what a reader then finds.
 */
class TrueMessagesTest {

    @TempDir
    Path tmp;

    private int runs;

    private WriteOnceStore<String> store(Durability d, StepHook hook) throws IOException {
        return WriteOnceStore.builder(Fs.DISK.newRoot(tmp.resolve("run-" + runs++)), Codecs.utf8())
                .durability(d).stepHook(hook).build();
    }

    /** The steps a clean put (or putAll) goes through, in order. */
    private List<String> stepsOf(Durability d, boolean all) throws IOException {
        List<String> names = new ArrayList<>();
        WriteOnceStore<String> s = store(d, (step, file) -> names.add(step));
        if (all) {
            s.putAll(three());
        } else {
            s.put("k", "v");
        }
        return names;
    }

    private static Map<String, String> three() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a", "1");
        m.put("b", "2");
        m.put("c", "3");
        return m;
    }

    @Test
    void aPutFailingAtAnyStepSaysWhetherItPublished() throws Exception {
        for (Durability d : Durability.values()) {
            List<String> steps = stepsOf(d, false);
            assertTrue(steps.contains("close temp file"), "close is a named step: " + steps);
            for (int i = 0; i < steps.size(); i++) {
                int failAt = i;
                int[] seen = {0};
                WriteOnceStore<String> s = store(d, (step, file) -> {
                    if (seen[0]++ == failAt) {
                        throw new IOException("Input/output error");
                    }
                });
                PutFailedException e = assertThrows(PutFailedException.class, () -> s.put("k", "v"), steps.get(i));
                String m = e.getMessage();
                assertEquals(steps.get(i), e.step(), m);
                assertTrue(m.contains("Input/output error") && m.contains(e.file().getFileName().toString()), m);
                boolean visible = s.get("k").isPresent();
                assertEquals(visible, e.published(), m);
                assertTrue(m.contains(visible ? "was published" : "Nothing was published"), d + " " + m);
                if (visible && d == Durability.FILE_AND_DIRECTORY) {
                    assertTrue(m.contains("not yet durable"), m);
                }
            }
        }
    }

    @Test
    void aPutOverAnInvalidEntryFailingAtAnyStepTellsTheTruthAndLeavesNoMarker() throws Exception {
        List<String> steps = new ArrayList<>();
        WriteOnceStore<String> clean = store(Durability.FILE_AND_DIRECTORY, (step, file) -> steps.add(step));
        invalidate(clean);
        steps.clear();
        clean.put("k", "v");
        assertTrue(steps.contains("move invalid entry aside") && steps.contains("delete replacement marker"), steps.toString());
        for (int i = 0; i < steps.size(); i++) {
            int failAt = i;
            int[] seen = {-1_000_000};
            WriteOnceStore<String> s = store(Durability.FILE_AND_DIRECTORY, (step, file) -> {
                if (seen[0]++ == failAt) {
                    throw new IOException("Input/output error");
                }
            });
            invalidate(s);
            seen[0] = 0;
            PutFailedException e = assertThrows(PutFailedException.class, () -> s.put("k", "v"), steps.get(i));
            boolean visible;
            try {
                visible = s.get("k").isPresent();
            } catch (InvalidEntryException stillInvalid) {
                visible = false;
            }
            assertEquals(visible, e.published(), e.getMessage());
            assertTrue(e.getMessage().contains(visible ? "was published" : "Nothing was published"), e.getMessage());
            assertFalse(Files.exists(Replacement.markerFile(s, "k")), "no marker left after " + steps.get(i));
            s.put("k", "v");
            assertEquals("v", s.get("k").orElseThrow(), "the next put recovers after a failure at " + steps.get(i));
        }
    }

    private static void invalidate(WriteOnceStore<String> s) throws IOException {
        s.put("k", "old");
        Files.write(s.entryFile("k"), new byte[] {'C', 'L', 'A', 'B'});
    }

    @Test
    void aPutAllFailingAtAnyStepNamesTheKeysThatAreVisible() throws Exception {
        List<String> steps = stepsOf(Durability.FILE_AND_DIRECTORY, true);
        for (int i = 0; i < steps.size(); i++) {
            int failAt = i;
            int[] seen = {0};
            WriteOnceStore<String> s = store(Durability.FILE_AND_DIRECTORY, (step, file) -> {
                if (seen[0]++ == failAt) {
                    throw new IOException("Input/output error");
                }
            });
            PutFailedException e = assertThrows(PutFailedException.class, () -> s.putAll(three()), steps.get(i));
            List<String> visible = new ArrayList<>();
            for (String k : three().keySet()) {
                if (s.get(k).isPresent()) {
                    visible.add("\"" + k + "\"");
                }
            }
            String m = e.getMessage();
            if (visible.isEmpty()) {
                assertTrue(m.contains("Nothing was published"), m);
            } else {
                assertTrue(m.contains("Visible now: " + String.join(", ", visible) + "."), visible + " " + m);
            }
        }
    }

    @Test
    void messagesEscapeControlBidiAndSeparatorCharactersAndNeverSplitASurrogatePair() {
        String key = "a\u0085b\u202Ec\u2028d\u2029e\u200Ff\u0007" + "\uD83D\uDE00".repeat(40);
        String shown = Keys.describe(key);
        for (char c : shown.toCharArray()) {
            assertFalse(Character.isISOControl(c) || c == '\u202E' || c == '\u2028' || c == '\u2029' || c == '\u200F',
                    "raw " + Integer.toHexString(c) + " in " + shown);
        }
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(++i)), shown);
            } else {
                assertFalse(Character.isLowSurrogate(c), shown);
            }
        }
        assertTrue(shown.contains("\\u202e"), shown);
    }

    @Test
    void aHostileRootPathIsEscapedInEveryMessage() {
        StoreException e = new StoreException("file /tmp/x\u202Eevil\nline", null, null);
        assertFalse(e.getMessage().contains("\u202E") || e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void ioErrorsCarryAdvice() {
        assertTrue(Failures.advice(new AccessDeniedException("/x")).contains("permission"));
        assertTrue(Failures.advice(new FileSystemLoopException("/x")).contains("link"));
        assertTrue(Failures.advice(new IOException("No space left on device")).contains("space"));
    }

    @Test
    void nfcAndNfdFormsAreDifferentKeys() throws Exception {
        WriteOnceStore<String> s = store(Durability.NONE, (step, file) -> { });
        String nfc = Normalizer.normalize("caf\u00e9", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("caf\u00e9", Normalizer.Form.NFD);
        s.put(nfc, "composed");
        assertTrue(s.get(nfd).isEmpty(), "keys are compared byte for byte, never normalized");
        s.put(nfd, "decomposed");
        assertEquals("composed", s.get(nfc).orElseThrow());
        assertEquals("decomposed", s.get(nfd).orElseThrow());
    }

    /**
     * A put says what its look at the entry says, as a get would: that look fails on a root that
     * became a file where the JDK reports "not a directory" (17), and finds nothing where it reports
     * "no such file" (25), and then the temp file's failure is the true one.
     */
    @Test
    void aRootReplacedByAFileFailsAsTheLookDoes() throws Exception {
        Path root = tmp.resolve("moved");
        WriteOnceStore<String> s = WriteOnceStore.builder(root, Codecs.utf8()).build();
        Files.delete(root);
        Files.writeString(root, "x");
        IOException look = null;
        try {
            assertTrue(s.get("k").isEmpty());
        } catch (IOException e) {
            look = e;
        }
        StoreException e = assertThrows(StoreException.class, () -> s.put("k", "v"));
        if (look != null) {
            assertFalse(e instanceof PutFailedException, e.getMessage());
            assertEquals(look.getMessage(), e.getMessage());
        } else {
            assertTrue(e instanceof PutFailedException pf && pf.step().equals("create temp file"), e.getMessage());
        }
        assertEquals("x", Files.readString(root));
    }

    @Test
    void aFileAtTheRootPathSaysSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        IOException e = assertThrows(IOException.class, () -> WriteOnceStore.builder(file, Codecs.utf8()).build());
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }
}
