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
 * A whole trial file read from its path (quote-free, so by {@link QuoteFreeCsvRecords}) and from a
 * stream of the same bytes (always Apache Commons CSV, the reference) gives the same {@link TrialData}
 * or the same problem. Random long-format files, mostly valid, with the slips the validator reports:
 * empty, non-numeric and out-of-range scores, decimal commas, a second row for a visit, a participant
 * in two arms, rows of another width, blank lines, CR LF endings, NUL and a bad UTF-8 byte. Exact.
 */
class TrialCsvPathsPropertyTest {

  private static final String[] SCORES = {"", "x", "81", "-1", "12,5", " 44 ", "3.5", "NA"};

  @Property(tries = 300)
  void pathAndStreamReadAlike(@ForAll long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] bytes = trialFile(r);
    Path f = Files.createTempFile("trialstat-paths", ".csv");
    try {
      Files.write(f, bytes);
      assertThat(QuoteFreeCsvRecords.isQuoteFree(f)).isTrue();
      String fromPath = outcome(() -> TrialCsvReader.read(f, "t.csv", ReadOptions.defaults()));
      String fromStream = outcome(() -> TrialCsvReader.read(new ByteArrayInputStream(bytes), "t.csv",
          ReadOptions.defaults()));
      assertThat(fromPath).as("seed %d", seed).isEqualTo(fromStream);
    } finally {
      Files.delete(f);
    }
  }

  private static String outcome(Supplier<TrialData> read) {
    try {
      return read.get().toString();
    } catch (DataException e) {
      return "problem " + e.file() + ":" + e.line() + ":" + e.column() + ": " + e.getMessage();
    }
  }

  private static byte[] trialFile(SplittableRandom r) {
    String d = ",;\t".substring(r.nextInt(3)).substring(0, 1);
    String eol = r.nextBoolean() ? "\n" : "\r\n";
    StringBuilder sb = new StringBuilder(String.join(d, "participant_id", "arm", "visit", "week", "caps_total"))
        .append(eol);
    String[] visits = {"baseline", "week6", "week12"};
    for (int p = 1, n = 1 + r.nextInt(30); p <= n; p++) {
      String arm = p % 2 == 0 ? "MDMA" : "Placebo";
      for (int v = 0; v < visits.length; v++) {
        String score = r.nextInt(40) == 0 ? SCORES[r.nextInt(SCORES.length)] : String.valueOf(r.nextInt(81));
        String rowArm = r.nextInt(200) == 0 ? "Other" : arm;
        String visit = r.nextInt(200) == 0 ? visits[0] : visits[v];
        sb.append(String.join(d, "P" + p, rowArm, visit, String.valueOf(6 * v), score));
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
