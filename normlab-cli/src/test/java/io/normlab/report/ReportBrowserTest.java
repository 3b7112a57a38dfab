package io.normlab.report;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.study.Verdict;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens a generated report in a real browser (headless Chromium, from Debian's package; .ci/run
 * installs it) and checks that the page renders: the DOM after loading holds the summary table
 * and every chart as SVG, and a screenshot (kept in target/browser-test/) is not blank. Fails,
 * never skips, when Chromium is missing.
 */
class ReportBrowserTest {
    static final Path DIR = Path.of("target", "browser-test").toAbsolutePath();
    static Path index;
    static String chromium;

    @BeforeAll
    static void writeReport() throws IOException {
        chromium = findChromium();
        Path report = DIR.resolve("report");
        ReportWriter w = new ReportWriter(report, List.of("first", "second"));
        w.write(Fixtures.result("first", Verdict.SUPPORTED));
        w.write(Fixtures.result("second", Verdict.NUANCED));
        index = w.index();
    }

    static String findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                File f = new File(dir, name);
                if (f.canExecute()) return f.getAbsolutePath();
            }
        }
        fail("headless Chromium is needed to test the report in a real browser and was not found on PATH "
                + "(install it with 'apt-get install -y chromium'; .ci/run does this when it is missing)");
        return null;
    }

    static String run(String... extra) throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(DIR, "profile")));
        cmd.addAll(List.of(extra));
        cmd.add(index.toUri().toString());
        Path stdout = Files.createTempFile(DIR, "chromium", ".out"), stderr = Files.createTempFile(DIR, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 180 s: " + cmd);
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + cmd + "\n" + Files.readString(stderr, StandardCharsets.UTF_8));
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void domHasTheSummaryTableAndEveryChart() throws Exception {
        String dom = run("--dump-dom");
        assertTrue(dom.contains("id=\"summary-table\""), "summary table missing from the rendered DOM");
        Matcher rows = Pattern.compile("<tr><td>\\d+</td>").matcher(dom.substring(dom.indexOf("summary-table"), dom.indexOf("</table>", dom.indexOf("summary-table"))));
        int n = 0;
        while (rows.find()) n++;
        assertEquals(2, n, "one summary row per study");
        Matcher svgs = Pattern.compile("<figure class=\"chart\"[^>]*><svg").matcher(dom);
        int charts = 0;
        while (svgs.find()) charts++;
        assertEquals(4, charts, "every chart of both studies is an inline SVG");
        assertTrue(dom.contains("v-supported") && dom.contains("v-nuanced"), "verdict badges");
        assertTrue(dom.contains("SGD lr 0.01 &lt;momentum&gt; &amp; more"), "setup values are escaped");
        assertFalse(dom.contains("http://") && dom.contains("<script src"), "no network resources");
    }

    @Test
    void screenshotShowsAPageThatIsNotBlank() throws Exception {
        Path png = DIR.resolve("report.png");
        Files.deleteIfExists(png);
        run("--screenshot=" + png, "--window-size=1280,2000");
        assertTrue(Files.size(png) > 10_000, "screenshot too small: " + Files.size(png) + " bytes");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        int coloured = 0, dark = 0;
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                int rgb = img.getRGB(x, y), r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) coloured++;
                if (r + g + b < 200) dark++;
            }
        }
        assertTrue(dark > 500, "too little text on the screenshot: " + dark + " dark samples");
        assertTrue(coloured > 200, "no coloured chart pixels on the screenshot: " + coloured);
    }
}
