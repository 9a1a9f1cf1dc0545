package dev.crashlab.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a value a reader found, or a target declared, is printed on a finding. */
class ReadingTest {

    @Test
    void controlCharactersPrintAsEscapesOnOneLine() {
        assertEquals("\"a\\nb\\r\\tc\\u0000d\\\\n\"", Reading.show("a\nb\r\tc\u0000d\\n"));
        assertEquals("6 bytes \"x\\ny\\tz\\r\"", Reading.show("x\ny\tz\r".getBytes(StandardCharsets.UTF_8)));
        assertEquals("[one\\ntwo]", Reading.show(List.of("one\ntwo")));
        assertEquals("\"\\u2028\\u007F\"", Reading.show("\u2028\u007f"));
        String longText = "line\n".repeat(40);
        String shown = Reading.show(longText);
        assertEquals(-1, shown.indexOf('\n'), shown);
        assertEquals(true, shown.startsWith("\"line\\nline\\n"), shown);
        assertEquals("an error: java.io.IOException: torn\\nat line 2",
                new Reading(null, new java.io.IOException("torn\nat line 2")).toString());
    }
}
