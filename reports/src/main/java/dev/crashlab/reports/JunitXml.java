package dev.crashlab.reports;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml in the Ant/Surefire shape that Jenkins, GitLab and GitHub test reporters read: a
 * testsuite per target, a testcase per guarantee x model. A violation fails with the printed
 * counterexample; a seeded bug's expected finding passes with the finding in system-out; not
 * claimed and not applicable are skipped with the reason. Each seeded bug also gets one testcase
 * per catalogued guarantee, failing when no check caught it (a broken check).
 */
final class JunitXml {

    private JunitXml() {
    }

    static String of(CampaignResult r) {
        StringWriter buffer = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "crashlab");
            xml.writeAttribute("tests", String.valueOf(r.targets().stream().mapToInt(JunitXml::tests).sum()));
            xml.writeAttribute("failures", String.valueOf(r.violations() + r.missedFindings()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(r.targets().stream().mapToLong(JunitXml::skipped).sum()));
            xml.writeAttribute("time", seconds(r.durationMillis()));
            xml.writeCharacters("\n");
            for (TargetResult t : r.targets()) {
                suite(xml, r, t);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new ReportException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return buffer.toString();
    }

    private static void suite(XMLStreamWriter xml, CampaignResult r, TargetResult t) throws XMLStreamException {
        long failures = t.cells().stream().filter(c -> Outcome.of(t, c) == Outcome.VIOLATION).count()
                + t.missedFindings().size();
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", Xml.text(t.id()));
        xml.writeAttribute("tests", String.valueOf(tests(t)));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(skipped(t)));
        xml.writeAttribute("timestamp", r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        xml.writeAttribute("time", "0");
        xml.writeCharacters("\n");
        properties(xml, r);
        for (Cell c : t.cells()) {
            testcase(xml, t, c);
        }
        for (Guarantee g : t.expectedViolations()) {
            caught(xml, t, g);
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** What the run covered, so a test report read alone still says what was skipped. */
    private static void properties(XMLStreamWriter xml, CampaignResult r) throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeStartElement("properties");
        List<String[]> all = new ArrayList<>();
        if (r.seeded()) {
            all.add(new String[] {"seed", String.valueOf(r.seed())});
        }
        all.add(new String[] {"budget", r.budget().describe()});
        if (!r.scope().isEmpty()) {
            all.add(new String[] {"scope", r.scope()});
        }
        all.add(new String[] {"crashlab", r.toolVersion()});
        if (!r.environments().isEmpty()) {
            all.add(new String[] {"environment", Environment.describe(r.environments())});
        }
        for (String[] p : all) {
            xml.writeCharacters("\n      ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", p[0]);
            xml.writeAttribute("value", Xml.text(p[1]));
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void testcase(XMLStreamWriter xml, TargetResult t, Cell c) throws XMLStreamException {
        start(xml, t, c.guarantee().label() + " [" + c.model().wireName() + "]",
                c.timeToDetectMillis() == null ? 0 : c.timeToDetectMillis());
        Outcome o = Outcome.of(t, c);
        switch (o) {
            case HELD -> { }
            case VIOLATION -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", "violation");
                xml.writeAttribute("message", Xml.text(Printable.label(c.guarantee().label() + " violated under "
                        + c.model().wireName() + ": reader saw " + c.counterexample().readerSaw(), 500)));
                xml.writeCharacters(Xml.text(c.counterexample().describe(c.model())));
                xml.writeEndElement();
            }
            case EXPECTED_FINDING -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(Xml.text("expected finding of seeded bug " + t.id() + ":\n"
                        + c.counterexample().describe(c.model())));
                xml.writeEndElement();
            }
            case INCOMPLETE -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", "incomplete");
                xml.writeAttribute("message", c.guarantee().label() + " under " + c.model().wireName()
                        + ": the budget ran out after " + c.statesExplored() + " check(s), none broken; the rest was not explored");
                xml.writeEndElement();
            }
            case NOT_CLAIMED, NOT_APPLICABLE -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", o == Outcome.NOT_CLAIMED
                        ? "not claimed by this target's durability option"
                        : "not applicable to this target under this model");
            }
        }
        end(xml);
    }

    private static void caught(XMLStreamWriter xml, TargetResult t, Guarantee g) throws XMLStreamException {
        start(xml, t, "catches seeded bug: " + g.label(), 0);
        if (t.missedFindings().contains(g)) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "missed-finding");
            xml.writeAttribute("message", Xml.text(Printable.label("seeded bug " + t.id() + " should break "
                    + g.label() + " but every check held: the check is broken", 500)));
            xml.writeEndElement();
        } else if (unchecked(t, g)) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", "not checked in this campaign");
        }
        end(xml);
    }

    private static void start(XMLStreamWriter xml, TargetResult t, String name, long millis)
            throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", Xml.text(t.id()));
        xml.writeAttribute("name", Xml.text(name));
        xml.writeAttribute("time", seconds(millis));
    }

    private static void end(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static int tests(TargetResult t) {
        return t.cells().size() + t.expectedViolations().size();
    }

    private static long skipped(TargetResult t) {
        long cells = t.cells().stream().filter(c -> c.status() == Status.NOT_CLAIMED
                || c.status() == Status.NOT_APPLICABLE).count();
        return cells + t.expectedViolations().stream().filter(g -> unchecked(t, g)).count();
    }

    /** A catalogued guarantee this campaign did not check (e.g. filtered out with --guarantees). */
    private static boolean unchecked(TargetResult t, Guarantee g) {
        return !t.missedFindings().contains(g)
                && t.cells().stream().noneMatch(c -> c.guarantee() == g && c.status() == Status.VIOLATED);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
