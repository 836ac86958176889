package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.DataException;
import org.trialstat.model.SummaryInput;

/** The summary reader: dialect, columns, and errors naming line and column. */
class SummaryCsvReaderTest {

  @TempDir
  Path tmp;

  @Test
  void readsEveryColumn() {
    SummaryInput in = SummaryCsvReader.parse("""
        Study,ARM,n,randomized,control,change_mean,change_ci_low,change_ci_high,change_from_model,baseline_mean,baseline_sd,response_events,response_n,authors,year,source
        MAPP2,MDMA,52,53,no,-23.7,-26.94,-20.44,yes,39.4,6.6,45,,Mitchell et al.,2023,Nat Med
        MAPP2,Placebo,42,51,yes,-14.8,-18.28,-11.28,yes,38.7,6.7,29,44,,,
        """, "s.csv");
    SummaryInput.Row r = in.rows().get(0);
    assertThat(r.line()).isEqualTo(2);
    assertThat(r.changeCiLow()).isEqualTo(-26.94);
    assertThat(r.changeFromModel()).isTrue();
    assertThat(r.control()).isFalse();
    assertThat(r.events()).containsExactly(new SummaryInput.Events(BinaryEndpoint.RESPONSE, 45, 52));
    assertThat(in.rows().get(1).events()).containsExactly(new SummaryInput.Events(BinaryEndpoint.RESPONSE, 29, 44));
    assertThat(in.rows().get(1).authors()).isEqualTo("Mitchell et al.");
    assertThat(Double.isNaN(r.changeSd())).isTrue();
    assertThat(in.rows().get(1).randomized()).isEqualTo(51);
  }

  @Test
  void bomSemicolonAndDecimalComma() throws Exception {
    Path f = tmp.resolve("semi.csv");
    Files.write(f, ("\uFEFFstudy;arm;n;change_mean;change_sd\r\nS;A;10;-12,5;3,25\r\n\r\nS;Placebo;10;-2;3\r\n")
        .getBytes(StandardCharsets.UTF_8));
    SummaryInput in = SummaryCsvReader.read(f, "semi.csv");
    assertThat(in.rows()).hasSize(2);
    assertThat(in.rows().get(0).changeMean()).isEqualTo(-12.5);
    assertThat(in.rows().get(0).changeSd()).isEqualTo(3.25);
    assertThat(in.rows().get(1).line()).isEqualTo(4);
  }

  @Test
  void tabs() {
    SummaryInput in = SummaryCsvReader.parse("study\tarm\tn\tresponse_events\nS\tA\t10\t4\nS\tB\t10\tNA\n", "t.tsv");
    assertThat(in.rows().get(1).events()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad n               | study,arm,n,change_mean\\nS,A,ten,1\\n                     | 2 | 3 | column n",
      "zero n              | study,arm,n,change_mean\\nS,A,0,1\\n                       | 2 | 3 | 1 or more",
      "bad number          | study,arm,n,change_mean\\nS,A,5,1\\nS,B,5,abc\\n            | 3 | 4 | expected a number, got 'abc'",
      "negative sd         | study,arm,n,change_mean,change_sd\\nS,A,5,1,-2\\n           | 2 | 5 | >= 0",
      "half a CI           | study,arm,n,change_mean,change_ci_low,change_ci_high\\nS,A,5,1,0,\\n | 2 | 6 | both limits",
      "mean outside CI     | study,arm,n,change_mean,change_ci_low,change_ci_high\\nS,A,5,9,0,2\\n | 2 | 4 | outside its CI",
      "events above n      | study,arm,n,response_events\\nS,A,5,6\\n                     | 2 | 4 | exceed the denominator 5",
      "duplicate arm       | study,arm,n,response_events\\nS,A,5,1\\nS,A,5,2\\n            | 3 | 2 | arm 'A' twice",
      "two controls        | study,arm,n,control,response_events\\nS,A,5,yes,1\\nS,B,5,1,2\\n | 3 | 4 | second control row",
      "bad control         | study,arm,n,control,response_events\\nS,A,5,maybe,1\\n       | 2 | 4 | yes/no",
      "typo column         | study,arm,n,responce_events\\nS,A,5,1\\n                     | 1 | 4 | unknown column 'responce_events'",
      "empty study         | study,arm,n,response_events\\n,A,5,1\\n                      | 2 | 1 | empty study name",
      "conflicting labels  | study,arm,n,year,response_events\\nS,A,5,2021,1\\nS,B,5,2022,1\\n | 3 | 4 | an earlier row",
      "no study column     | arm,n,response_events\\nA,5,1\\n                           | 1 | 0 | no 'study' column",
  })
  void errorsNameLineAndColumn(String name, String csv, long line, int column, String message) {
    String text = csv.strip().replace("\\n", "\n") + "\n";
    assertThatThrownBy(() -> SummaryCsvReader.parse(text, "bad.csv")).isInstanceOfSatisfying(DataException.class,
        e -> {
          assertThat(e.file()).isEqualTo("bad.csv");
          assertThat(e.line()).as(e.describe()).isEqualTo(line);
          assertThat(e.column()).as(e.describe()).isEqualTo(column);
          assertThat(e.getMessage()).contains(message);
        });
  }

  @Test
  void notUtf8AndMissingFile() throws Exception {
    Path f = tmp.resolve("latin1.csv");
    Files.write(f, "study,arm,n,response_events\nS,Caf\u00e9,5,1\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> SummaryCsvReader.read(f, "latin1.csv")).isInstanceOf(DataException.class)
        .hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> SummaryCsvReader.read(tmp.resolve("nope.csv"), "nope.csv"))
        .isInstanceOf(DataException.class).hasMessageContaining("file not found; expected an existing CSV file");
  }
}
