package dev.crashlab.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong command line is one line on stderr naming the problem, exit code 2, and no work done. */
class UsageErrorsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "check --bogus                        | Unknown option: '--bogus'",
            "check --shard 3/2                    | '3/2' names no shard",
            "check --shard 0/2                    | '0/2' names no shard",
            "check --shard half                   | 'half' is not i/n",
            "check --models ordered,ext5          | unknown model 'ext5'; use one of process-crash",
            "check --guarantees G1,G9             | unknown guarantee 'G9'",
            "check --budget 0                     | give at least 1",
            "check --budget 3 weeks               | Unmatched argument",
            "check --budget fortnight             | neither a workload count nor a duration",
            "check --targets reference/FSYNC      | unknown target 'reference/FSYNC'",
            "check --seed twelve                  | Invalid value for option '--seed'",
            "check --threads 0                    | --threads takes 1 or more, not 0",
            "check --threads many                 | Invalid value for option '--threads'",
            "replay 1:2                           | is not a replay token",
            "replay 1:nobody:0:process-crash:0    | it names no known target",
            "report --format pdf                  | unknown format 'pdf'",
            "frobnicate                           | Unmatched argument at index 0: 'frobnicate'",
    })
    void badArgumentsAreOneLineAndExitTwo(String args, String expected) {
        Cli r = Cli.run(withOut(args));
        assertUsageError(r, expected);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing may be written on a usage error");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "check --out {tmp}/missing/out        | the parent of --out",
            "check --out {tmp}/a-file             | is a file, not a directory",
            "merge --out {tmp}/missing/out {tmp}  | the parent of --out",
            "report --in {tmp} --format md        | report.json does not exist",
            "check                                | Missing required option: '--out=DIR'",
            "''                                   | no command given",
    })
    void badPathsAreOneLineAndExitTwo(String args, String expected) throws Exception {
        Files.writeString(tmp.resolve("a-file"), "x");
        String line = args.replace("{tmp}", tmp.toString());
        Cli r = Cli.run(line.isEmpty() ? new String[0] : line.trim().split("\\s+"));
        assertUsageError(r, expected);
    }

    private String[] withOut(String args) {
        String line = args.trim();
        if (line.startsWith("check")) {
            line = line.replaceFirst("check", "check --out " + tmp.resolve("out"));
        } else if (line.startsWith("report")) {
            line = line.replaceFirst("report", "report --in " + tmp);
        }
        return line.split("\\s+");
    }

    static void assertUsageError(Cli r, String expected) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out(), r.toString());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line only:\n" + r);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertTrue(err.startsWith("crashlab"), err);
        assertFalse(err.contains("Exception"), "no stack trace, no exception names: " + err);
    }
}
