package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {

    private static Document parse(CampaignResult r) throws Exception {
        byte[] xml = Reports.render(r, Format.JUNIT).getBytes(StandardCharsets.UTF_8);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static int count(Document d, String tag) {
        return d.getElementsByTagName(tag).getLength();
    }

    @Test
    void oneTestcasePerCellPlusOnePerCataloguedFinding() throws Exception {
        CampaignResult r = SampleResults.failing();
        Document d = parse(r);
        long cells = r.targets().stream().mapToLong(t -> t.cells().size()).sum();
        long catalogued = r.targets().stream().mapToLong(t -> t.expectedViolations().size()).sum();
        assertEquals(cells + catalogued, count(d, "testcase"));
        assertEquals(r.targets().size(), count(d, "testsuite"));
        Element root = d.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals(String.valueOf(cells + catalogued), root.getAttribute("tests"));
    }

    @Test
    void violationsFailExpectedFindingsPassAndUnclaimedAreSkipped() throws Exception {
        CampaignResult r = SampleResults.failing();
        Document d = parse(r);
        assertEquals(2, count(d, "failure"));
        assertEquals("2", d.getDocumentElement().getAttribute("failures"));
        long skippedCells = r.targets().stream().flatMap(t -> t.cells().stream())
                .filter(c -> c.status() == Status.NOT_CLAIMED || c.status() == Status.NOT_APPLICABLE).count();
        assertEquals(skippedCells, count(d, "skipped"));
        assertEquals(String.valueOf(skippedCells), d.getDocumentElement().getAttribute("skipped"));
        assertEquals(6, count(d, "system-out"), "each expected finding is recorded, passing");
        Element failure = (Element) d.getElementsByTagName("failure").item(0);
        assertTrue(failure.getTextContent().contains("--> crash here (after #4: power failure after the rename)"));
        assertTrue(failure.getAttribute("message").startsWith("G2 crash atomicity violated under weakest-posix"));
    }

    @Test
    void aPassingCampaignHasNoFailure() throws Exception {
        Document d = parse(SampleResults.passing());
        assertEquals(0, count(d, "failure"));
        assertEquals("0", d.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void aSeededBugThatNoCheckCaughtFails() throws Exception {
        TargetResult blind = SampleResults.target("no-dir-fsync").seeded("000", Guarantee.G3)
                .claims(Guarantee.G1, Guarantee.G2, Guarantee.G3).build();
        Document d = parse(SampleResults.result(java.util.List.of(blind), java.util.List.of()));
        NodeList failures = d.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals("missed-finding", ((Element) failures.item(0)).getAttribute("type"));
    }

    @Test
    void hostileKeysStillMakeWellFormedXml() throws Exception {
        String hostile = "]]><x a=\"\u0000\u0001\uFFFF\ud800\">&amp;" + "q".repeat(10_000);
        Document d = parse(SampleResults.withTargetId(hostile));
        NodeList suites = d.getElementsByTagName("testsuite");
        boolean found = false;
        for (int i = 0; i < suites.getLength(); i++) {
            String name = ((Element) suites.item(i)).getAttribute("name");
            found |= name.startsWith("]]><x a=\"\\u0000\\u0001\uFFFD\uFFFD\">&amp;qqq") && name.endsWith("qqq");
        }
        assertTrue(found, "the hostile suite name survives, control characters made visible");
    }
}
