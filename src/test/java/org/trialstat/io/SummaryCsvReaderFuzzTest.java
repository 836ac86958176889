package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.trialstat.analysis.SummaryAnalysis;
import org.trialstat.analysis.SummaryRequest;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.SummaryInput;
import org.trialstat.model.SummaryResult;

/**
 * Fuzz test of {@link SummaryCsvReader} (published arm-level summaries) and the {@code summary} analysis
 * behind it (issue 16: the fuzz targets cover the summary reader): any text gives either a
 * {@link DataException} with a one-line message naming the file, a usage error (no default control) with
 * a one-line message, or rows whose analysis gives one study per study name, each with its arms. Never
 * another exception. Regression mode under {@code mvn test} (seed corpus in
 * {@code src/test/resources/org/trialstat/io/SummaryCsvReaderFuzzTestInputs/readAnyText/}); fuzz for real
 * with {@code JAZZER_FUZZ=1 mvn test -Dtest=SummaryCsvReaderFuzzTest}.
 */
class SummaryCsvReaderFuzzTest {

  private static final SummaryRequest REQUEST = new SummaryRequest(null, 0.95, 0.95);

  @FuzzTest(maxDuration = "1m")
  void readAnyText(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    SummaryInput in;
    try {
      in = SummaryCsvReader.parse(text, "fuzz.csv");
    } catch (DataException e) {
      assertThat(e.describe()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
      assertThat(e.file()).isEqualTo("fuzz.csv");
      return;
    }
    assertThat(in.rows()).isNotEmpty();
    SummaryResult r;
    try {
      r = SummaryAnalysis.analyze(List.of(in), REQUEST);
    } catch (InvalidOptionException | DataException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
      return;
    }
    long studies = in.rows().stream().map(SummaryInput.Row::study).distinct().count();
    assertThat(r.studies()).hasSize((int) studies);
    for (SummaryResult.Study s : r.studies()) {
      assertThat(s.arms()).isNotEmpty();
    }
  }
}
