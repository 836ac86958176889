package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the bundled sample's report in headless Chromium (Debian's {@code chromium}, installed by
 * {@code .ci/run}): a screenshot in a 390 px wide window (a phone), no console message (a CSP violation,
 * a failed load or a script error would print one), every table and figure in the rendered DOM, and no
 * horizontal overflow at 390 px. The overflow is measured by a test-only host page that shows the report
 * in a 390 px wide frame and reads its scroll width with a tiny script (the report's CSP forbids scripts). Skipped, with a message, when no Chromium is
 * installed.
 */
class BrowserReportTest {
  private static final Path DIR = Path.of("target", "browser");
  private static final int PHONE = 390;
  private static String chromium;

  @BeforeAll
  static void findChromium() throws IOException {
    chromium = locate();
    Assumptions.assumeTrue(chromium != null, "BROWSER TEST SKIPPED: no chromium on PATH (.ci/run installs Debian's "
        + "chromium with apt-get; install it to run this test)");
    Files.createDirectories(DIR);
  }

  private static String locate() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  /** Runs chromium headless on a file; returns {stdout, stderr}. */
  private static String[] run(Path page, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--no-first-run", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + DIR.resolve("profile").toAbsolutePath(), "--window-size=" + PHONE + ",2000"));
    cmd.addAll(List.of(args));
    cmd.add(page.toAbsolutePath().toUri().toString());
    Path out = DIR.resolve("chromium.out");
    Path err = DIR.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + String.join(" ", cmd));
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("chromium exit code; stderr:\n" + stderr).isZero();
    return new String[] {Files.readString(out, StandardCharsets.UTF_8), stderr};
  }

  private static Path writePage(String name, String html) throws IOException {
    Path page = DIR.resolve(name);
    Files.writeString(page, html, StandardCharsets.UTF_8);
    return page;
  }

  private static List<String> consoleLines(String stderr) {
    return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
  }

  @Test
  void screenshotAtPhoneWidthIsNotBlank() throws Exception {
    Path page = writePage("report.html", Sample.report().html());
    Path png = Path.of("target", "report.png");
    Files.deleteIfExists(png);
    run(page, "--screenshot=" + png.toAbsolutePath());
    assertThat(png).exists();
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(PHONE);
    long inked = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        if (rgb != 0xFFFFFF) {
          inked++;
        }
      }
    }
    assertThat((double) inked / (img.getWidth() * (long) img.getHeight())).as("fraction of non-white pixels")
        .isGreaterThan(0.02);
  }

  @Test
  void rendersEveryTableAndFigureWithoutConsoleMessages() throws Exception {
    String[] result = run(writePage("report.html", Sample.report().html()), "--dump-dom");
    assertThat(consoleLines(result[1])).as("console messages (CSP violations, failed loads, errors)").isEmpty();
    String dom = result[0];
    assertThat(count(dom, "<figure[ >]")).isEqualTo(5);
    assertThat(count(dom, "<svg[ >]")).isEqualTo(5);
    assertThat(count(dom, "<table[ >]")).isEqualTo(4);
    assertThat(ResultReportTest.externalReferences(dom)).isEmpty();
  }

  @Test
  void consoleCheckSeesABlockedRequest() throws Exception {
    // Negative control: the same CSP blocks an external image and Chromium reports it on the console.
    String html = Sample.report().html().replace("</main>", "<img src=\"https://example.invalid/x.png\" alt=\"\"/></main>");
    List<String> lines = consoleLines(run(writePage("blocked.html", html), "--dump-dom")[1]);
    assertThat(lines).anyMatch(l -> l.contains("Content Security Policy"));
  }

  @Test
  void noHorizontalOverflowAtPhoneWidth() throws Exception {
    assertThat(scrollWidth(Sample.report().html())).as("document scroll width at a 390 px viewport")
        .isLessThanOrEqualTo(PHONE);
    // Negative control: a 600 px wide block does overflow.
    String wide = Sample.report().html().replace("</main>", "<div style=\"width:600px\">wide</div></main>");
    assertThat(scrollWidth(wide)).isGreaterThanOrEqualTo(600);
  }

  /**
   * Headless windows are at least 500 px wide, so the page goes, unchanged (CSP included), into a 390 px
   * wide iframe of a test-only host page, whose script reads the frame's scroll width after loading.
   */
  private static int scrollWidth(String html) throws Exception {
    String page = html.replace("&", "&amp;").replace("\"", "&quot;");
    String host = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"/></head><body style=\"margin:0\">"
        + "<iframe id=\"f\" style=\"width:" + PHONE + "px;height:800px;border:0\" srcdoc=\"" + page + "\"></iframe>"
        + "<script>window.addEventListener('load', function () {"
        + "var d = document.getElementById('f').contentDocument.documentElement;"
        + "document.body.setAttribute('data-scroll-width', d.scrollWidth);"
        + "document.body.setAttribute('data-client-width', d.clientWidth);});</script></body></html>";
    String dom = run(writePage("report-measure.html", host), "--dump-dom", "--virtual-time-budget=5000")[0];
    assertThat(attribute(dom, "data-client-width")).as("viewport width of the frame").isEqualTo(PHONE);
    return attribute(dom, "data-scroll-width");
  }

  private static int attribute(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
    assertThat(m.find()).as(name + " in the dumped DOM").isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static int count(String s, String regex) {
    return (int) Pattern.compile(regex).matcher(s).results().count();
  }
}
