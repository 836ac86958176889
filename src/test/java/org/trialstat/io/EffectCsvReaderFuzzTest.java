package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.trialstat.analysis.MetaAnalysis;
import org.trialstat.analysis.MetaRequest;
import org.trialstat.model.DataException;
import org.trialstat.model.EffectInput;
import org.trialstat.model.MetaPooled;
import org.trialstat.model.MetaResult;
import org.trialstat.model.MetaSettings;

/**
 * Fuzz test of {@link EffectCsvReader} and the meta-analysis behind it: any text gives either a
 * {@link DataException} with a one-line message, or an effect input whose meta-analysis (random effects,
 * REML, with every sensitivity analysis) runs without an exception and reports a finite estimate or a
 * reason. Regression mode under {@code mvn test} (seed corpus in
 * {@code src/test/resources/org/trialstat/io/EffectCsvReaderFuzzTestInputs/readAnyText/}); fuzz for real
 * with {@code JAZZER_FUZZ=1 mvn test -Dtest=EffectCsvReaderFuzzTest}.
 */
class EffectCsvReaderFuzzTest {

  private static final MetaRequest REQUEST = new MetaRequest(new MetaSettings(MetaSettings.Measure.GENERIC,
      MetaSettings.Model.RANDOM, MetaSettings.Tau2.REML, MetaSettings.Adjustment.NONE,
      MetaSettings.Prediction.DEFAULT, 0.95), null, true, true, true);

  @FuzzTest(maxDuration = "1m")
  void readAnyText(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    EffectInput in;
    try {
      in = EffectCsvReader.parse(text, "fuzz.csv", "design");
    } catch (DataException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
      assertThat(e.file()).isEqualTo("fuzz.csv");
      return;
    }
    assertThat(in.rows()).isNotEmpty();
    MetaResult r = MetaAnalysis.fromEffects(java.util.List.of(in), REQUEST, 0.95);
    assertThat(r.studies()).hasSize(in.rows().size());
    MetaPooled p = r.pooled();
    assertThat(p.estimable() || p.reason() != null).isTrue();
  }
}
