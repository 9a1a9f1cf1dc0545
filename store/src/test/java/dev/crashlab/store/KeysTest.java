package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys are data, never paths: nothing a key says can place a file outside the root. */
class KeysTest {

    static final List<String> ADVERSARIAL = List.of("../../x", "/", "/etc/passwd", "..", ".", "a/b/c",
            "C:\\Windows\\x", "nul\u0000byte", "x".repeat(10_240), "ключ ✓ 鍵 🔑", "", " ", ".hidden.tmp",
            "<script>alert(1)</script>");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Fs.class)
    void adversarialKeysRoundTripAndStayInsideTheRoot(Fs fs) throws Exception {
        Path root = fs.newRoot(tmp);
        Path parent = root.getParent();
        WriteOnceStore<String> store = WriteOnceStore.builder(root, Codecs.utf8()).build();
        for (String key : ADVERSARIAL) {
            store.put(key, "value for " + key.length());
        }
        for (String key : ADVERSARIAL) {
            assertEquals("value for " + key.length(), store.get(key).orElseThrow());
        }
        try (Stream<Path> all = Files.walk(parent)) {
            List<Path> outside = all.filter(p -> !p.startsWith(root) && !p.equals(parent)).collect(Collectors.toList());
            assertEquals(List.of(), outside);
        }
        try (Stream<Path> entries = Files.list(root)) {
            assertEquals(ADVERSARIAL.size(), entries.filter(p -> p.toString().endsWith(".entry")).count());
        }
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void keyThatIsNotUnicodeIsRefusedWithAClearError(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.put("bad\uD800", "v"));
        assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void longAndControlKeysArePrintedSafelyInErrors(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        String nasty = "nul\u0000" + "y".repeat(10_000);
        store.put(nasty, "a");
        EntryExistsException e = assertThrows(EntryExistsException.class, () -> store.put(nasty, "b"));
        assertTrue(e.getMessage().contains("nul\\u0000yyy"), e.getMessage());
        assertTrue(e.getMessage().contains("(10004 chars)"), e.getMessage());
        assertTrue(e.getMessage().length() < 500, "message stays short: " + e.getMessage().length());
    }
}
