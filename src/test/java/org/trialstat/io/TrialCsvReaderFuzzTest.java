package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trialstat.model.DataException;
import org.trialstat.model.Observation;
import org.trialstat.model.Scale;
import org.trialstat.model.TrialData;

/**
 * Fuzz test of {@link TrialCsvReader}: any bytes give either a {@link TrialData} that keeps the reader's
 * promises or a {@link DataException} with a one-line message; never any other exception.
 *
 * <p>Under a plain {@code mvn test} (JAZZER_FUZZ unset) Jazzer runs in regression mode: the test is
 * run once on the empty input and once on each file of the seed corpus
 * {@code src/test/resources/org/trialstat/io/TrialCsvReaderFuzzTestInputs/readAnyBytes/} (Jazzer's
 * convention {@code <TestClass>Inputs/<method>/}); this takes well under a second.
 *
 * <p>To fuzz for real (coverage-guided, for the annotation's {@code maxDuration}; raise it to fuzz longer):
 * <pre>JAZZER_FUZZ=1 mvn test -Dtest=TrialCsvReaderFuzzTest</pre>
 * (A run of 5 minutes, about 450,000 inputs, found nothing when this test was written.)
 * Jazzer keeps the inputs it generates in {@code .cifuzz-corpus/} (ignore it) and writes a crashing
 * input into the seed directory above, where it becomes a regression test: keep it, fix the bug.
 */
class TrialCsvReaderFuzzTest {

  private static final List<ReadOptions> OPTIONS = List.of(
      ReadOptions.defaults(),
      ReadOptions.defaults().withShape(InputShape.LONG),
      ReadOptions.forScale(Scale.NONE).withShape(InputShape.WIDE).withCovariates(List.of("week")));

  @FuzzTest(maxDuration = "2m")
  void readAnyBytes(byte[] input) {
    for (ReadOptions options : OPTIONS) {
      TrialData data;
      try {
        data = TrialCsvReader.read(new ByteArrayInputStream(input), "fuzz.csv", options);
      } catch (DataException e) {
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
        assertThat(e.file()).isEqualTo("fuzz.csv");
        assertThat(e.line()).isNotNegative();
        assertThat(e.column()).isNotNegative();
        continue;
      }
      checkInvariants(data, options);
    }
  }

  private static void checkInvariants(TrialData data, ReadOptions options) {
    assertThat(data.observations()).isNotEmpty();
    assertThat(data.arms()).doesNotHaveDuplicates();
    assertThat(data.visits()).doesNotHaveDuplicates();
    assertThat(data.covariateNames()).isEqualTo(options.covariates());
    Set<String> participantVisits = new HashSet<>();
    long previousLine = 0;
    for (Observation o : data.observations()) {
      assertThat(o.participant()).isNotEmpty();
      assertThat(data.arms()).contains(o.arm());
      assertThat(data.visits()).contains(o.visit());
      assertThat(participantVisits.add(o.participant() + '\u0000' + o.visit())).isTrue();
      assertThat(o.line()).isGreaterThan(1).isGreaterThanOrEqualTo(previousLine);
      assertThat(o.scoreColumn()).isPositive();
      assertThat(o.covariates()).hasSameSizeAs(options.covariates());
      if (o.hasScore()) {
        assertThat(o.score()).isBetween(options.scoreMin(), options.scoreMax());
        assertThat(Double.isFinite(o.score())).isTrue();
      }
      if (!data.hasDiagnosis()) {
        assertThat(o.diagnosis()).isNull();
      }
      previousLine = o.line();
    }
  }
}
