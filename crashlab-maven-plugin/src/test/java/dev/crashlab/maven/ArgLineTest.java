package dev.crashlab.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArgLineTest {

    static final String OURS = ArgLine.crashlab(Path.of("/repo/byte-buddy-agent.jar"), Path.of("/p/target/crashlab-reports"));

    @Test
    void jacocosAgentStaysAndOursFollowsIt() {
        String jacoco = "-javaagent:/repo/org.jacoco.agent-runtime.jar=destfile=/p/target/jacoco.exec";

        assertEquals(jacoco + " -javaagent:/repo/byte-buddy-agent.jar -Xshare:off -Dcrashlab.reports=/p/target/crashlab-reports",
                ArgLine.append(jacoco, OURS));
    }

    @Test
    void anEmptyArgLineGetsOursAloneAndASecondRunAddsNothing() {
        assertEquals(OURS, ArgLine.append(null, OURS));
        assertEquals(OURS, ArgLine.append(ArgLine.append("", OURS), OURS));
    }

    @Test
    void aPathWithASpaceIsQuotedAsOneOption() {
        assertEquals("\"-javaagent:/my repo/a.jar\" -Xshare:off -Dcrashlab.reports=/t",
                ArgLine.crashlab(Path.of("/my repo/a.jar"), Path.of("/t")));
    }
}
