package dev.crashlab.faults.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strace side of the oracle on a log written by hand in strace's format, so that the parsing
 * is checked where strace cannot run: positions (lseek, O_APPEND, a dup sharing its position,
 * pwrite64 and sendfile), a call split across threads, an unlinked file, no-op truncates, failed
 * calls, a move from outside the root.
 */
class StraceOpsTest {

    @TempDir
    Path tmp;

    @Test
    void followsDescriptorsNamesAndOffsets() throws Exception {
        Path log = tmp.resolve("strace.log");
        Files.write(log, List.of(
                "1 openat(AT_FDCWD</w>, \"/r/x/a\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 5</r/x/a>",
                "1 openat(AT_FDCWD</w>, \"/r/.oracle-mark-begin-x\", O_RDONLY) = -1 ENOENT (No such file or directory)",
                "1 openat(AT_FDCWD</w>, \"/r/x/a\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 5</r/x/a>",
                "1 lseek(5</r/x/a>, 0, SEEK_CUR) = 0",
                "1 write(5</r/x/a>, \"hello\", 5) = 5",
                "2 openat(AT_FDCWD</w>, \"/r/x/old\", O_WRONLY|O_APPEND) = 6</r/x/old>",
                "2 write(6</r/x/old>, \"ab\", 2 <unfinished ...>",
                "1 pwrite64(5</r/x/a>, \"z\", 1, 100) = 1",
                "2 <... write resumed>) = 2",
                "1 dup(5</r/x/a>) = 7</r/x/a>",
                "1 lseek(7</r/x/a>, 2, SEEK_SET) = 2",
                "1 write(5</r/x/a>, \"x,)\", 3) = 3",
                "1 rename(\"/r/x/a\", \"/r/x/b\") = 0",
                "1 fsync(5</r/x/b>) = 0",
                "1 ftruncate(5</r/x/b>, 101) = 0",
                "1 ftruncate(5</r/x/b>, 10) = 0",
                "1 unlink(\"/r/x/b\") = 0",
                "1 write(5</r/x/b>(deleted), \"q\", 1) = 1",
                "1 close(5</r/x/b>(deleted)) = 0",
                "1 openat(AT_FDCWD</w>, \"/r/x/c\", O_WRONLY|O_CREAT|O_EXCL, 0100644) = 5</r/x/c>",
                "1 openat(AT_FDCWD</w>, \"/r/x/old\", O_RDONLY) = 8</r/x/old>",
                "1 sendfile(5</r/x/c>, 8</r/x/old>, NULL, 2147479552) = 5",
                "1 sendfile(5</r/x/c>, 8</r/x/old>, NULL, 2147479552) = 0",
                "1 openat(AT_FDCWD</w>, \"/r/x\", O_RDONLY) = 9</r/x>",
                "1 fdatasync(9</r/x>) = 0",
                "1 mkdir(\"/r/x/d\", 0777) = 0",
                "1 mkdir(\"/r/x/d\", 0777) = -1 EEXIST (File exists)",
                "1 linkat(AT_FDCWD</w>, \"/r/x/c\", AT_FDCWD</w>, \"/r/x/d/l\", 0) = 0",
                "1 openat(AT_FDCWD</w>, \"/r/x/s\", O_WRONLY|O_CREAT|O_DSYNC, 0666) = 10</r/x/s>",
                "1 write(10</r/x/s>, \"s\", 1) = 1",
                "1 renameat(AT_FDCWD</w>, \"/r/y/outside\", AT_FDCWD</w>, \"/r/x/in\") = 0",
                "1 unlinkat(AT_FDCWD</w>, \"/r/x/d/l\", 0) = 0",
                "1 openat(AT_FDCWD</w>, \"/r/.oracle-mark-end-x\", O_RDONLY) = -1 ENOENT (No such file or directory)",
                "1 write(5</r/x/c>, \"after\", 5) = 5"));

        List<String> ops = StraceOps.between(StraceLog.read(log), ".oracle-mark-begin-x", ".oracle-mark-end-x",
                Path.of("/r/x"), Map.of("old", 3L), Set.of());

        assertEquals(List.of(
                "CREATE a",
                "WRITE a @0 +5",
                "WRITE a @100 +1",
                "WRITE old @3 +2",
                "WRITE a @2 +3",
                "RENAME a -> b",
                "FSYNC b",
                "TRUNCATE b to 10",
                "DELETE b",
                "WRITE b (deleted) @5 +1",
                "CREATE c",
                "WRITE c @0 +5",
                "FSYNC_DIR .",
                "MKDIR d",
                "LINK c -> d/l",
                "CREATE s",
                "WRITE s @0 +1 (sync)",
                "RENAME /r/y/outside -> in",
                "DELETE d/l"), ops, String.join("\n", ops));
    }

    @Test
    void tempNamesAreBlankedButKeyHashesAreNot() {
        assertEquals("tmp-#.tmp", DirectoryState.normalise("tmp-8812734019283746512.tmp"));
        String hash = "8254c329a92850f6d539dd376f4816ee2764517da5e0235514af433164480d7a";
        assertEquals("." + hash + ".#.tmp", DirectoryState.normalise("." + hash + ".f61b7fe38375cea3.tmp"));
        assertEquals(hash + ".entry", DirectoryState.normalise(hash + ".entry"));
        assertEquals("dir-#/a", DirectoryState.normalise("dir-123456/a"));
    }
}
