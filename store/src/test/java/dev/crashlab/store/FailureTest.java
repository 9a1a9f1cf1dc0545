package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An I/O error during a put names its step and leaves no partial entry, and nothing stored before is lost. */
class FailureTest {

    @Test
    void diskFullDuringWriteNamesTheStepAndLeavesNoTrace() throws Exception {
        Path root = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setBlockSize(4096).setMaxSize(64 * 4096).build()).getPath("/store");
        WriteOnceStore<byte[]> store = WriteOnceStore.builder(root, Codecs.bytes()).build();
        store.put("small", new byte[100]);

        PutFailedException e = assertThrows(PutFailedException.class, () -> store.put("huge", new byte[1 << 20]));
        assertEquals("write temp file", e.step());
        assertTrue(e.getMessage().contains("Nothing was published"), e.getMessage());

        assertFalse(store.contains("huge"));
        assertEquals(100, store.get("small").orElseThrow().length);
        try (Stream<Path> files = Files.list(root)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), "only the earlier entry, no temp file: " + names);
        }
    }
}
