package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way an entry file can be wrong gives the dedicated error, never a value; a put heals it. */
class InvalidEntryTest {

    @TempDir
    Path tmp;

    enum Damage {
        TRUNCATED(b -> Arrays.copyOf(b, b.length / 2), "truncated"),
        BIT_FLIPPED(b -> {
            byte[] c = b.clone();
            c[12] ^= 0x10;
            return c;
        }, "checksum"),
        ZERO_FILLED(b -> new byte[b.length], "zero-filled"),
        EMPTY(b -> new byte[0], "empty"),
        GARBAGE_TAIL(b -> {
            byte[] c = Arrays.copyOf(b, b.length + 5);
            c[b.length] = 'x';
            return c;
        }, "garbage tail"),
        FOREIGN(b -> "#!/bin/sh\necho not an entry\n".getBytes(), "not a crashlab entry");

        final UnaryOperator<byte[]> apply;
        final String expectedWords;

        Damage(UnaryOperator<byte[]> apply, String expectedWords) {
            this.apply = apply;
            this.expectedWords = expectedWords;
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void damagedEntryOnDiskRaisesTheDedicatedErrorNamingTheFile(Damage damage) throws Exception {
        assertDamageReportedThenHealed(Fs.DISK, damage);
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void damagedEntryInMemoryRaisesTheDedicatedErrorNamingTheFile(Damage damage) throws Exception {
        assertDamageReportedThenHealed(Fs.JIMFS, damage);
    }

    private void assertDamageReportedThenHealed(Fs fs, Damage damage) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        store.put("k", "the original value");
        store.put("neighbour", "untouched");
        Path entry = store.entryFile("k");
        Files.write(entry, damage.apply.apply(Files.readAllBytes(entry)));

        InvalidEntryException e = assertThrows(InvalidEntryException.class, () -> store.get("k"));
        assertTrue(e.getMessage().contains(entry.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(damage.expectedWords), e.getMessage());
        assertTrue(e.getMessage().contains("To recover"), e.getMessage());
        assertEquals(entry, e.file());

        store.put("k", "a new value");
        assertEquals("a new value", store.get("k").orElseThrow());
        assertEquals("untouched", store.get("neighbour").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void anotherKeysFileCopiedOverIsReportedNotAnswered(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8()).build();
        store.put("a", "value of a");
        store.put("b", "value of b");
        Files.copy(store.entryFile("a"), store.entryFile("b"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        KeyCollisionException e = assertThrows(KeyCollisionException.class, () -> store.get("b"));
        assertTrue(e.getMessage().contains("holds key \"a\""), e.getMessage());
        assertEquals("value of a", store.get("a").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void hashCollisionIsDetectedOnGetAndPut(Fs fs) throws Exception {
        WriteOnceStore<String> store = WriteOnceStore.builder(fs.newRoot(tmp), Codecs.utf8())
                .hasher(keyBytes -> "same-for-every-key").build();
        store.put("first", "1");
        assertThrows(KeyCollisionException.class, () -> store.get("second"));
        KeyCollisionException e = assertThrows(KeyCollisionException.class, () -> store.put("second", "2"));
        assertTrue(e.getMessage().contains("hash collision"), e.getMessage());
        assertEquals("1", store.get("first").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(Fs.class)
    void undecodableValueIsAnInvalidEntryNotAWrongValue(Fs fs) throws Exception {
        Path root = fs.newRoot(tmp);
        WriteOnceStore<byte[]> raw = WriteOnceStore.builder(root, Codecs.bytes()).build();
        raw.put("k", new byte[] {(byte) 0xff, (byte) 0xfe});
        WriteOnceStore<String> text = WriteOnceStore.builder(root, Codecs.utf8()).build();
        InvalidEntryException e = assertThrows(InvalidEntryException.class, () -> text.get("k"));
        assertTrue(e.getMessage().contains("cannot be decoded"), e.getMessage());
    }
}
