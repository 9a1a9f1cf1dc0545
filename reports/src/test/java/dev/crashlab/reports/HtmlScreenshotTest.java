package dev.crashlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the sample report in a real browser, headless Chromium, the way a person would, and checks
 * what it drew: the screenshot is saved to {@code reports/<build dir>/screenshots/report.png} for a
 * person to look at, and the test asserts what can be asserted without eyes: the page is drawn at
 * the requested size, the matrix shows each status in its own colour, and the parsed page has the
 * matrix, every counterexample and the charts, with no script and nothing fetched from elsewhere.
 *
 * <p>Skipped (an assumption, with the reason) where there is no Chromium on a developer's machine;
 * failed under CI=true, where .ci/run installs it. {@code apt-get install -y chromium} gives {@code /usr/bin/chromium}; the CHROME
 * environment variable names another binary. {@code reports/screenshot.sh} does the same for any
 * report.html.
 */
class HtmlScreenshotTest {

    static final int WIDTH = 1400;
    static final int HEIGHT = 2200;
    /** Bounds a hung browser, not a measurement: a run takes a few seconds. */
    private static final long CHROMIUM_LIMIT_SECONDS = 180;

    private static Path chromium;
    private static Path dir;
    private static Path html;
    private static CampaignResult result;

    @TempDir
    Path profile;

    @BeforeAll
    static void writeTheSampleReport() throws Exception {
        chromium = chromium();
        dir = buildDirectory().resolve("screenshots");
        Files.createDirectories(dir);
        html = dir.resolve("report.html");
        result = SampleResults.failing();
        Reports.render(result, Format.HTML, html);
    }

    /** Per test, not per class: Surefire then lists each test as skipped, with this reason. */
    @BeforeEach
    void needsABrowser() {
        // CI installs Chromium (.ci/run): there a missing browser is a broken set-up, not a reason to skip.
        if (chromium == null && "true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("CI=true but no headless browser: .ci/run installs Debian's chromium");
        }
        assumeTrue(chromium != null, "no headless browser: " + (System.getenv("CHROME") == null
                ? "/usr/bin/chromium is missing" : "CHROME=" + System.getenv("CHROME") + " is not an executable file")
                + "; install Debian's with: apt-get update && apt-get install -y chromium");
    }

    @Test
    void chromiumDrawsTheMatrixWithADistinctColourPerStatus() throws Exception {
        Path png = dir.resolve("report.png");
        Files.deleteIfExists(png);
        run("screenshot", "--window-size=" + WIDTH + "," + HEIGHT, "--screenshot=" + png);

        assertTrue(Files.isRegularFile(png), "Chromium wrote no screenshot; see " + dir.resolve("chromium-screenshot.log"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not an image javax.imageio can decode");
        assertEquals(WIDTH, image.getWidth(), "screenshot width");
        assertEquals(HEIGHT, image.getHeight(), "screenshot height");

        Map<String, Integer> colours = cellColours();
        int held = colours.get("held");
        // The matrix is the band of rows that are mostly held cells: the legend's one swatch is
        // too narrow to count as a matrix row, so whatever is found inside the band is drawn there.
        int[] band = matrixBand(image, held);
        assertTrue(band != null, "no row of held cells (" + hex(held) + ") in " + png + ": the matrix was not drawn");
        Map<String, Long> found = new LinkedHashMap<>();
        colours.forEach((status, rgb) -> found.put(status, count(image, rgb, band[0], band[1])));

        // A cell is about 20 x 26 pixels less its symbol; ask for a third of that per cell.
        long cell = 20 * 26 / 3;
        long heldCells = cells(Status.HELD);
        assertTrue(found.get("held") >= heldCells * cell, "held cells drawn: " + found);
        assertTrue(found.get("violation") >= result.violations() * cell, "violated cells drawn: " + found);
        assertTrue(found.get("not-claimed") >= cells(Status.NOT_CLAIMED) * cell, "not-claimed cells drawn: " + found);
        // Hatched: the amber background shows between the stripes.
        assertTrue(found.get("expected") >= result.expectedFindings() * cell / 3, "expected findings drawn: " + found);

        // Distinct: every status's background is its own colour, far enough apart to tell at a glance.
        List<String> names = new ArrayList<>(colours.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                int a = colours.get(names.get(i));
                int b = colours.get(names.get(j));
                assertTrue(distance(a, b) >= 20, names.get(i) + " " + hex(a) + " and " + names.get(j) + " "
                        + hex(b) + " look alike");
            }
        }
    }

    @Test
    void chromiumParsesTheMatrixCounterexamplesAndChartsWithoutScriptOrExternalResources() throws Exception {
        String dom = run("dom", "--dump-dom");
        assertTrue(dom.contains("<table class=\"matrix\">"), "the matrix");
        assertEquals(result.targets().size(), count(dom, "<tr><th class=\"target\""), "a matrix row per target");
        long checked = result.targets().stream().mapToLong(t -> t.cells().size()).sum();
        assertEquals(checked, count(dom, "<td class=\"cell "), "a matrix cell per checked guarantee x model");
        assertTrue(dom.contains("class=\"legend\""), "the legend");

        List<Finding> findings = Finding.of(result);
        for (Finding f : findings) {
            assertTrue(dom.contains("<div class=\"cx\" id=\"" + f.anchor() + "\">"), "counterexample " + f.anchor());
        }
        assertEquals(findings.size(), count(dom, "<table class=\"trace\">"), "a trace per counterexample");
        assertEquals(findings.size(), count(dom, "<tr class=\"crash\">"), "a crash point per counterexample");
        assertEquals(findings.size(), count(dom, "<p class=\"provenance\">"), "provenance per counterexample");
        assertEquals(findings.size(), count(dom, "<h4>reader saw</h4>"), "what the reader saw, per counterexample");
        assertEquals(2, count(dom, "<svg "), "the two charts, parsed as inline SVG");
        assertTrue(dom.contains("crash states judged per target") && dom.contains("time to detect"));

        assertFalse(dom.contains("<script"), "no script");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(dom).find(),
                "no event-handler attribute");
        Matcher external = Pattern.compile("(?:src|href)\\s*=\\s*[\"']?\\s*(?:https?:)?//", Pattern.CASE_INSENSITIVE)
                .matcher(dom);
        assertFalse(external.find(), () -> "external resource: " + external.group());
        assertFalse(Pattern.compile("url\\(\\s*['\"]?\\s*(?:https?:)?//", Pattern.CASE_INSENSITIVE).matcher(dom).find(),
                "no external url() in styles");
    }

    // --- Chromium ---

    /** $CHROME if set, else Debian's /usr/bin/chromium; null when neither is an executable file. */
    static Path chromium() {
        String env = System.getenv("CHROME");
        Path candidate = env != null && !env.isBlank() ? Path.of(env) : Path.of("/usr/bin/chromium");
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate) ? candidate : null;
    }

    /**
     * Runs headless Chromium on the report with the given action flags and returns its standard
     * output; its standard error (D-Bus noise on a server) goes to chromium-NAME.log beside the page.
     */
    private String run(String name, String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run",
                // Without these Chromium phones home, and a closed network refuses it.
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile.resolve(name)));
        command.addAll(List.of(action));
        command.add(html.toUri().toString());
        Path out = dir.resolve("chromium-" + name + ".out");
        Path log = dir.resolve("chromium-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(CHROMIUM_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            // /usr/bin/chromium is a shell script: kill the browser processes under it too.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            fail("Chromium hung: no exit within " + CHROMIUM_LIMIT_SECONDS + " s, killed; command " + command
                    + "; see " + log);
        }
        assertEquals(0, process.exitValue(), "Chromium failed: " + command + "; see " + log);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /**
     * The module's build directory (target, or what -Dcrashlab.build names): the parent of the
     * folder this test class was loaded from, {@code <build>/test-classes}.
     */
    static Path buildDirectory() throws Exception {
        Path classes = Path.of(HtmlScreenshotTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent();
    }

    // --- pixels ---

    /** The background of each status's matrix cell, as report.css gives it. */
    static Map<String, Integer> cellColours() {
        String css = Resources.text("report.css");
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String status : List.of("held", "violation", "expected", "not-claimed", "na")) {
            Matcher m = Pattern.compile("\\.cell\\." + Pattern.quote(status) + "\\s*\\{[^}]*?background:\\s*#([0-9a-fA-F]{6})")
                    .matcher(css);
            assertTrue(m.find(), "report.css gives .cell." + status + " no 6-digit background colour");
            out.put(status, Integer.parseInt(m.group(1), 16));
        }
        return out;
    }

    /** First and last pixel row in which the held colour covers at least a fifth of the width. */
    private static int[] matrixBand(BufferedImage image, int rgb) {
        int first = -1;
        int last = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            int n = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
            if (n >= image.getWidth() / 5) {
                first = first < 0 ? y : first;
                last = y;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    private static long count(BufferedImage image, int rgb, int fromY, int toY) {
        long n = 0;
        for (int y = fromY; y <= toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double distance(int a, int b) {
        int dr = (a >> 16 & 0xff) - (b >> 16 & 0xff);
        int dg = (a >> 8 & 0xff) - (b >> 8 & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }

    private long cells(Status status) {
        return result.targets().stream().flatMap(t -> t.cells().stream()).filter(c -> c.status() == status).count();
    }

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }
}
