package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerializationFilterTest {

    /** Counts every construction and deserialization, so a test can prove none happened. */
    static final class Gadget implements Serializable {
        static final AtomicInteger READS = new AtomicInteger();
        final String payload;

        Gadget(String payload) {
            this.payload = payload;
        }

        private void readObject(java.io.ObjectInputStream in) throws Exception {
            READS.incrementAndGet();
            in.defaultReadObject();
        }
    }

    record Allowed(String name) implements Serializable {
    }

    @TempDir
    Path tmp;

    @Test
    void classOutsideTheAllowListIsRefusedWithoutBeingInstantiated() throws Exception {
        Path root = Fs.DISK.newRoot(tmp);
        WriteOnceStore<Gadget> writer = WriteOnceStore.builder(root, Codecs.serializable(Gadget.class)).build();
        writer.put("g", new Gadget("rm -rf"));
        Gadget.READS.set(0);

        WriteOnceStore<Allowed> reader = WriteOnceStore.builder(root, Codecs.serializable(Allowed.class)).build();
        InvalidEntryException e = assertThrows(InvalidEntryException.class, () -> reader.get("g"));
        assertEquals(0, Gadget.READS.get(), "the refused class's readObject must never run");
        assertTrue(e.getMessage().contains("allow-list"), e.getMessage());
        assertTrue(e.getMessage().contains(Gadget.class.getName()), "names the refused class: " + e.getMessage());
        assertTrue(e.getMessage().contains(Allowed.class.getName()), e.getMessage());
    }

    @Test
    void listedClassIsAdmitted() throws Exception {
        WriteOnceStore<Gadget> store = WriteOnceStore.builder(Fs.JIMFS.newRoot(tmp),
                Codecs.serializable(Gadget.class)).build();
        store.put("g", new Gadget("fine"));
        Gadget.READS.set(0);
        assertEquals("fine", store.get("g").orElseThrow().payload);
        assertEquals(1, Gadget.READS.get());
        assertFalse(store.get("other").isPresent());
    }
}
