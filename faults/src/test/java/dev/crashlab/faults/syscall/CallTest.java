package dev.crashlab.faults.syscall;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines of an {@code strace -f -yy -xx} log as the JVM's threads print them, split into calls. */
class CallTest {

    @Test
    void aDescriptorsPathAndAPayloadAreDecoded() {
        Call c = Call.parse(7, "write(3<\\x2f\\x72\\x2f\\x61\\x3e\\x62>, \"\\x68\\x69\", 2) = 2");
        assertEquals("write", c.name());
        assertEquals("/r/a>b", Call.descriptorPath(c.arg(0)), "a '>' in a path is hex-escaped, never the end of it");
        assertEquals(3, Call.descriptor(c.arg(0)));
        assertArrayEquals("hi".getBytes(StandardCharsets.US_ASCII), Call.string(c.arg(1)));
        assertEquals(2, c.value());
    }

    @Test
    void aCloneWhoseResultCarriesAnArrowIsOneCall(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("log");
        Files.writeString(log, String.join("\n",
                "10 clone3({flags=CLONE_VM|CLONE_FILES|CLONE_THREAD, child_tid=0x7f, stack_size=0xf} <unfinished ...>",
                "11 openat(AT_FDCWD<\\x2f\\x72>, \"\\x61\", O_WRONLY|O_CREAT, 0644) = 4<\\x2f\\x72\\x2f\\x61>",
                "10 <... clone3 resumed> => {parent_tid=[11]}, 88) = 11",
                "11 read(0x4, 0x7ffd50772658, 0x340) = 0x340",
                "11 +++ exited with 0 +++"));
        List<Call> calls = CallLog.read(log);
        assertEquals(List.of("openat", "clone3", "read"), calls.stream().map(Call::name).toList(),
                "a call split by another thread's is placed where it finished");
        assertEquals(11, calls.get(1).value());
        assertTrue(calls.get(1).arg(0).startsWith("{flags=CLONE_VM|CLONE_FILES|CLONE_THREAD"));
        assertEquals(4, Call.descriptor(calls.get(2).arg(0)), "a raw read's descriptor is printed in hex");
        assertEquals(0x340, calls.get(2).value());
    }

    @Test
    void aThreadThatRanBeforeItsCloneReturnedSharesItsProcesssDescriptors(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("log");
        Files.writeString(log, String.join("\n",
                "10 execve(\"\\x2f\\x6a\\x61\\x76\\x61\", [], 0x7f /* 1 var */) = 0",
                "10 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_THREAD, stack_size=0xf} <unfinished ...>",
                "11 openat(AT_FDCWD<\\x2f\\x72>, \"\\x61\", O_WRONLY|O_CREAT, 0644) = 4<\\x2f\\x72\\x2f\\x61>",
                "10 <... clone3 resumed> => {parent_tid=[11]}, 88) = 11",
                "10 write(4<\\x2f\\x72\\x2f\\x61>, \"\\x68\\x69\", 2) = 2"));
        Kernel kernel = new Kernel("/r", dev.crashlab.faults.trace.Snapshot.empty(), "/", null, name -> false);
        for (Call c : CallLog.read(log)) {
            kernel.apply(c);
        }
        assertEquals(List.of(), kernel.refused());
        assertEquals(List.of("#0   CREATE          a  [java #2]  at openat(2) in java",
                        "#1   WRITE           a @0 +2 bytes  [java #1]  at write(2) in java"),
                kernel.ops().stream().map(dev.crashlab.faults.trace.IoOp::describe).toList());
    }

    @Test
    void aWriteLongerThanStracePrintedIsRefusedNotCut() {
        Kernel kernel = new Kernel("/r", dev.crashlab.faults.trace.Snapshot.empty(), "/", null, name -> false);
        kernel.apply(Call.parse(5, "openat(AT_FDCWD<\\x2f\\x72>, \"\\x61\", O_WRONLY|O_CREAT, 0644) = 4<\\x2f\\x72\\x2f\\x61>"));
        kernel.apply(Call.parse(5, "write(4<\\x2f\\x72\\x2f\\x61>, \"\\x68\\x69\"..., 2) = 2"));
        assertEquals(List.of("a: a write of 2 bytes longer than strace printed (at write(2) in ?)"), kernel.refused());
    }
}
