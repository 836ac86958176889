package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.trialstat.model.DataException;
import org.trialstat.model.TrialData;

/**
 * A whole trial file read from its path (quote-free or simply quoted, so by {@link SimpleCsvRecords})
 * and from a stream of the same bytes (always Apache Commons CSV, the reference) gives the same
 * {@link TrialData} or the same problem; half of the files have cells in quotes (header cells too,
 * {@code "NA"}, {@code ""}, {@code "12,5"} and other scores among them). Random long-format files, mostly valid, with the slips the validator reports:
 * empty, non-numeric and out-of-range scores, decimal commas, a second row for a visit, a participant
 * in two arms, rows of another width, blank lines, CR LF endings, NUL and a bad UTF-8 byte; diagnosis
 * flags in every spelling and some that are wrong, weeks that are not numbers or differ within a visit,
 * empty and non-ASCII identifiers, a covariate column (sometimes empty); long and wide format. Exact.
 */
class TrialCsvPathsPropertyTest {

  private static final String[] SCORES = {"", "x", "81", "-1", "12,5", " 44 ", "3.5", "NA", ".", "na", "1e1",
      "0.1234567890123456", "+7", "NaN", "Inf", "1e400", "-0", "5.", ".5"};
  private static final String[] FLAGS = {"1", "0", "Y", "n", "yes", "FALSE", "NA", "", ".", "2", "maybe", " y "};
  private static final String[] WEEKS = {"x", "7", "1e400", "", "NA", "-2", "6,5"};
  private static final String[] IDS = {"", " ", "P\u00e9", "P\u4e2d", "p1", "P1 "};

  @Property(tries = 600)
  void pathAndStreamReadAlike(@ForAll long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    char d = ",;\t".charAt(r.nextInt(3));
    boolean quoted = r.nextBoolean();
    byte[] bytes = trialFile(r, d, quoted);
    Path f = Files.createTempFile("trialstat-paths", ".csv");
    try {
      Files.write(f, bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (!quoted || text.indexOf('\0') < 0 && text.indexOf('\ufffd') < 0) { // a NUL or bad byte may break quotes
        assertThat(SimpleQuoting.isSimple(f, d)).as("seed %d", seed).isTrue();
      }
      ReadOptions options = r.nextBoolean() ? ReadOptions.defaults() : ReadOptions.defaults()
          .withCovariates(java.util.List.of("site"));
      String fromPath = outcome(() -> TrialCsvReader.read(f, "t.csv", options));
      String fromStream = outcome(() -> TrialCsvReader.read(new ByteArrayInputStream(bytes), "t.csv", options));
      assertThat(fromPath).as("seed %d", seed).isEqualTo(fromStream);
    } finally {
      Files.delete(f);
    }
  }

  /**
   * A file past the point where the reader sizes its columns for the whole file (65,536 observations;
   * {@code TrialRows.presize}), long and wide, read alike from its path and from a stream (where
   * the size is not known and the columns grow as they fill).
   */
  @org.junit.jupiter.api.Test
  void largeFilesReadAlike() throws IOException {
    for (boolean wide : new boolean[] {false, true}) {
      StringBuilder sb = new StringBuilder(wide ? "participant_id,arm,caps_total_baseline,caps_total_week6\n"
          : "participant_id,arm,visit,caps_total\n");
      for (int p = 0; p < 40_000; p++) {
        String arm = p % 3 == 0 ? "MDMA" : "Placebo";
        if (wide) {
          sb.append("P").append(p).append(',').append(arm).append(',').append(p % 81).append(',').append(p % 7)
              .append('\n');
        } else {
          for (String visit : new String[] {"baseline", "week6"}) {
            sb.append("P").append(p).append(',').append(arm).append(',').append(visit).append(',').append(p % 81)
                .append('\n');
          }
        }
      }
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      Path f = Files.createTempFile("trialstat-large", ".csv");
      try {
        Files.write(f, bytes);
        String fromPath = outcome(() -> TrialCsvReader.read(f, "t.csv", ReadOptions.defaults()));
        assertThat(fromPath).startsWith("TrialData").isEqualTo(outcome(() -> TrialCsvReader.read(
            new ByteArrayInputStream(bytes), "t.csv", ReadOptions.defaults())));
      } finally {
        Files.delete(f);
      }
    }
  }

  /** The cells joined by {@code d}; {@code quoted}: half of them in quotes, some with a space around. */
  private static String join(SplittableRandom r, boolean quoted, String d, String... cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "" : d);
      if (quoted && r.nextBoolean()) {
        String space = r.nextInt(10) == 0 ? " " : "";
        sb.append(space).append('"').append(cells[i]).append('"').append(r.nextInt(10) == 0 ? " " : "");
      } else {
        sb.append(cells[i]);
      }
    }
    return sb.toString();
  }

  private static String outcome(Supplier<TrialData> read) {
    try {
      return read.get().toString();
    } catch (DataException e) {
      return "problem " + e.file() + ":" + e.line() + ":" + e.column() + ": " + e.getMessage();
    }
  }

  private static String scoreCell(SplittableRandom r) {
    return r.nextInt(40) == 0 ? SCORES[r.nextInt(SCORES.length)] : String.valueOf(r.nextInt(81));
  }

  private static String flag(SplittableRandom r) {
    return r.nextInt(20) == 0 ? FLAGS[r.nextInt(FLAGS.length)] : String.valueOf(r.nextInt(2));
  }

  /**
   * A trial file with delimiter {@code delimiter}; {@code quoted}: with some cells (header cells too)
   * in quotes, as R's {@code write.csv} and spreadsheets write them, perhaps with spaces around.
   */
  private static byte[] trialFile(SplittableRandom r, char delimiter, boolean quoted) {
    String d = String.valueOf(delimiter);
    String eol = r.nextBoolean() ? "\n" : "\r\n";
    boolean wide = r.nextInt(4) == 0;
    StringBuilder sb = new StringBuilder(wide ? join(r, quoted, d, "participant_id", "arm", "site",
        "caps_total_baseline", "ptsd_dx_baseline", "caps_total_week6", "caps_total_week12", "ptsd_dx_week12")
        : join(r, quoted, d, "participant_id", "arm", "visit", "week", "caps_total", "ptsd_dx", "site")).append(eol);
    String[] visits = {"baseline", "week6", "week12"};
    for (int p = 1, n = 1 + r.nextInt(30); p <= n; p++) {
      String arm = p % 2 == 0 ? "MDMA" : "Placebo";
      for (int v = 0; v < visits.length; v++) {
        String score = scoreCell(r);
        String rowArm = r.nextInt(200) == 0 ? "Other" : arm;
        String visit = r.nextInt(200) == 0 ? visits[0] : visits[v];
        String id = r.nextInt(150) == 0 ? IDS[r.nextInt(IDS.length)] : "P" + p;
        String week = r.nextInt(150) == 0 ? WEEKS[r.nextInt(WEEKS.length)] : String.valueOf(6 * v);
        String site = r.nextInt(100) == 0 ? "" : "S" + (p % 3);
        if (wide) {
          if (v == 0) {
            sb.append(join(r, quoted, d, id, rowArm, site, score, flag(r), scoreCell(r), scoreCell(r), flag(r)));
          } else {
            continue;
          }
        } else {
          sb.append(join(r, quoted, d, id, rowArm, visit, week, score, flag(r), site));
        }
        if (r.nextInt(200) == 0) {
          sb.append(d).append("extra");
        }
        sb.append(r.nextInt(100) == 0 ? eol + " " + eol : eol);
      }
    }
    String text = sb.toString();
    if (r.nextInt(20) == 0) {
      int at = r.nextInt(text.length());
      text = text.substring(0, at) + '\0' + text.substring(at);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (r.nextInt(20) == 0) {
      bytes[r.nextInt(bytes.length)] = (byte) 0xFF;
    }
    return bytes;
  }
}
