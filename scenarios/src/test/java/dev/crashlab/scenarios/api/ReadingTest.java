package dev.crashlab.scenarios.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                new Reading(null, new java.io.IOException("torn\nat line 2"), CrashTarget.Where.CRASH_STATE).toString());
    }

    @Test
    void valuesThatPrintTheSameButDifferShowTheirTypesDownToTheLeaves() {
        Map<String, Object> written = Map.of("orders-0", 100L);
        Map<String, Object> declared = Map.of("orders-0", 100);
        assertEquals("{orders-0=100 (Long)}", Reading.show(written, List.of(declared)));
        assertEquals("{orders-0=100 (Integer)}", Reading.show(declared, List.of(written)));
        assertEquals("[1 (Integer), a, [2 (Long)]]", Reading.show(List.of(1, "a", List.of(2L)), List.of(List.of(1, "a", List.of(2)))));
        assertEquals("100 (Long)", Reading.show(100L, List.of(100)));
        assertEquals("\"100\" (String)", Reading.show("100", List.of(new StringBuilder("\"100\""))));
        Map<Object, Object> withKeys = new LinkedHashMap<>();
        withKeys.put(1L, "x");
        assertEquals("{1 (Long)=x}", Reading.show(withKeys, List.of(Map.of(1, "x"))));
        assertEquals("[a, 3 (Short)]", Reading.show(new Object[] {"a", (short) 3}, List.of((Object) new Object[] {"a", 3})));
    }

    @Test
    void typesAreLeftOutWhereTheTextsAlreadyDifferOrTheValuesAreEqual() {
        assertEquals("{orders-0=100}", Reading.show(Map.of("orders-0", 100L), List.of(Map.of("orders-0", 99))));
        assertEquals("{orders-0=100}", Reading.show(Map.of("orders-0", 100L), List.of(Map.of("orders-0", 100L))));
        assertEquals("3 bytes \"abc\"", Reading.show("abc".getBytes(StandardCharsets.UTF_8),
                Arrays.asList("abc".getBytes(StandardCharsets.UTF_8), null)));
        assertEquals("null", Reading.show(null, List.of("null")));
    }
}
