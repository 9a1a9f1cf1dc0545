package dev.crashlab.faults.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTest {

    @TempDir
    Path tmp;

    @Test
    void installsFromTheCommandLineAgentWithoutSelfAttach() throws IOException {
        Agent.install();
        try (FileChannel ignored = FileChannel.open(tmp.resolve("f"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // loads FileChannelImpl, so the description lists it whichever test ran first
        }
        assertEquals("-javaagent", Agent.loadedBy());
        String described = Agent.describe();
        for (String type : new String[] {"sun.nio.ch.FileChannelImpl", "sun.nio.fs.UnixFileSystemProvider",
            "sun.nio.fs.AbstractFileSystemProvider", "java.io.FileOutputStream", "java.io.RandomAccessFile",
            "java.io.File", "java.io.FileDescriptor", "java.io.ByteArrayOutputStream"}) {
            assertTrue(described.contains(type), described);
        }
        boolean nativeSync = Runtime.version().feature() < 21;
        assertEquals(nativeSync, described.contains("call sites rewritten"), described);
        assertTrue(Files.exists(tmp.resolve("f")));
    }
}
