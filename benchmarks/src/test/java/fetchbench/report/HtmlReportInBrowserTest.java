package fetchbench.report;

import fetchbench.result.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * The HTML pages in a real headless Chromium: they load offline with no console error, every image
 * shows, the table sorts, and a screenshot of each is kept in target/browser/ for a person to see.
 * Skipped, saying why, where Debian's chromium package is not installed.
 */
@Tag("integration")
class HtmlReportInBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "browser");

    @TempDir
    Path folder;

    @Test
    void runReportLoadsCleanlyShowsEveryChartAndSorts() throws Exception {
        Path json = Fixtures.copy("smoke", folder);
        Report.render(json);

        try (Chromium chromium = start()) {
            chromium.open(json.resolveSibling(Report.INDEX));

            assertEveryImageLoaded(chromium, 47);
            JsonElement ratios = chromium.evaluate("""
                    (() => {
                      const headers = Array.from(document.querySelectorAll('#results th'));
                      const column = headers.findIndex(th => th.textContent.startsWith('measured ÷ predicted'));
                      headers[column].click();
                      headers[column].click();
                      return Array.from(document.querySelectorAll('#results tbody tr'))
                          .map(row => parseFloat(row.cells[column].getAttribute('data-value')));
                    })()""");
            List<Double> values = new ArrayList<>();
            ratios.getAsJsonArray().forEach(v -> values.add(v.getAsDouble()));
            assertThat(values).hasSize(77).isSortedAccordingTo((a, b) -> Double.compare(b, a));

            // The answer first: the section right after the title is the verdict table, one row per setting.
            assertThat(chromium.evaluate("document.querySelector('h1').nextElementSibling.id").getAsString())
                    .isEqualTo("which-model");
            assertThat(chromium.evaluate("document.querySelectorAll('#which-model #verdicts tbody tr').length")
                    .getAsInt()).isEqualTo(9);
            // Every entry of the contents leads to a section, and every other link to a file that exists.
            JsonElement contents = chromium.evaluate("Array.from(document.querySelectorAll('#contents a'))"
                    + ".map(a => document.getElementById(a.getAttribute('href').slice(1)) !== null)");
            assertThat(contents.getAsJsonArray()).hasSizeGreaterThan(5)
                    .allSatisfy(found -> assertThat(found.getAsBoolean()).isTrue());
            JsonElement links = chromium.evaluate("Array.from(document.querySelectorAll('a[href]'))"
                    + ".map(a => a.getAttribute('href')).filter(h => !h.startsWith('#'))");
            assertThat(links.getAsJsonArray()).isNotEmpty().allSatisfy(href ->
                    assertThat(json.resolveSibling(href.getAsString())).as(href.getAsString()).isRegularFile());
            chromium.screenshot(SCREENSHOTS.resolve("run-report.png"));
            assertThat(chromium.errors()).isEmpty();
        }
        assertThat(SCREENSHOTS.resolve("run-report.png")).isNotEmptyFile();
    }

    /** A person can finish the default run's report: 15 screens of 1400 × 900 at most, its contents always in view. */
    @Test
    void theReferenceRunsReportIsAtMostFifteenScreensWithItsContentsInView() throws Exception {
        java.util.regex.Matcher answer = Digest.BLOCK.matcher(java.nio.file.Files.readString(Path.of("..",
                "README.md")));
        assertThat(answer.find()).as("the README's first digest names the reference run").isTrue();
        Path reference = Path.of("..").resolve(answer.group(2));
        Path copy = java.nio.file.Files.createDirectories(folder.resolve(reference.getFileName()));
        for (String file : List.of("jmh.json", "environment.json")) {
            java.nio.file.Files.copy(reference.resolve(file), copy.resolve(file));
        }
        Report.render(copy.resolve("jmh.json"));

        try (Chromium chromium = start(1400, 900)) {
            chromium.open(copy.resolve(Report.INDEX));

            double screens = chromium.evaluate("document.documentElement.scrollHeight / window.innerHeight")
                    .getAsDouble();
            System.out.printf(java.util.Locale.ROOT, "%s's report: %.1f screens of 1400 × 900%n",
                    reference.getFileName(), screens);
            assertThat(screens).as("screens of the report at 1400 × 900").isLessThanOrEqualTo(15);
            // The contents stay in view at the bottom of the page.
            JsonElement top = chromium.evaluate("(() => { window.scrollTo(0, document.documentElement.scrollHeight);"
                    + " const r = document.getElementById('contents').getBoundingClientRect();"
                    + " return r.top >= 0 && r.bottom <= window.innerHeight + 1 && r.width > 0; })()");
            assertThat(top.getAsBoolean()).as("the contents in view after scrolling to the end").isTrue();
            // No cell wraps: each row of the verdict table is one line high.
            JsonElement rows = chromium.evaluate("Array.from(document.querySelectorAll('#verdicts tbody tr'))"
                    + ".map(tr => tr.getBoundingClientRect().height / parseFloat(getComputedStyle(tr).fontSize))");
            assertThat(rows.getAsJsonArray()).isNotEmpty().allSatisfy(h -> assertThat(h.getAsDouble())
                    .as("a verdict row's height in ems").isLessThan(2.5));
            // The winners are marked.
            assertThat(chromium.evaluate("document.querySelectorAll('#verdicts td b').length").getAsInt())
                    .isPositive();
            chromium.screenshot(SCREENSHOTS.resolve("reference-report.png"));
            assertThat(chromium.errors()).isEmpty();
        }
    }

    @Test
    void sweepReportShowsItsTuningChartsAndRecommendations() throws Exception {
        Path json = Fixtures.copy("sweep", folder);
        Report.render(json);

        try (Chromium chromium = start()) {
            chromium.open(json.resolveSibling(Report.INDEX));

            assertEveryImageLoaded(chromium, 3); // one tuning chart per swept model
            JsonElement recommendations = chromium.evaluate("""
                    (() => {
                      const heading = Array.from(document.querySelectorAll('h2'))
                          .find(h => h.textContent.startsWith('Tuning: what to set'));
                      return heading ? Array.from(heading.parentElement.querySelectorAll('li'))
                          .map(li => li.textContent) : [];
                    })()""");
            assertThat(recommendations.getAsJsonArray()).hasSize(4);
            recommendations.getAsJsonArray().forEach(r -> assertThat(r.getAsString()).contains("Little's law"));
            chromium.screenshot(SCREENSHOTS.resolve("sweep-report.png"));
            assertThat(chromium.errors()).isEmpty();
        }
    }

    @Test
    void comparisonLoadsCleanlyAndShowsEveryChart() throws Exception {
        Path folderOfComparison = ComparisonPage.write(Fixtures.copy("run-a", folder), Fixtures.copy("run-b", folder));

        try (Chromium chromium = start()) {
            chromium.open(folderOfComparison.resolve(Report.INDEX));

            assertEveryImageLoaded(chromium, 3); // B ÷ A, and A beside B at each of the two N
            assertThat(chromium.evaluate("document.querySelectorAll('#ratios tbody tr').length").getAsInt())
                    .isEqualTo(14);
            chromium.screenshot(SCREENSHOTS.resolve("comparison.png"));
            assertThat(chromium.errors()).isEmpty();
        }
    }

    private Chromium start() throws Exception {
        return start(1280, 1000);
    }

    private Chromium start(int width, int height) throws Exception {
        var binary = Chromium.binary();
        if (binary.isEmpty()) {
            String why = "HtmlReportInBrowserTest skipped: Chromium is not installed (Debian package 'chromium', "
                    + "which .ci/run installs); looked for " + Chromium.BINARIES;
            System.out.println(why); // surefire shows a skip's count, not its reason
            Assumptions.abort(why);
        }
        return new Chromium(binary.get(), folder.resolve("chromium-profile"), width, height);
    }

    private static void assertEveryImageLoaded(Chromium chromium, int expected) throws Exception {
        JsonElement images = chromium.evaluate("Array.from(document.images)"
                + ".map(i => ({alt: i.alt, loaded: i.complete && i.naturalWidth > 0}))");
        assertThat(images.getAsJsonArray()).hasSize(expected);
        images.getAsJsonArray().forEach(i -> assertThat(i.getAsJsonObject().get("loaded").getAsBoolean())
                .as(i.getAsJsonObject().get("alt").getAsString()).isTrue());
    }
}
