package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;

/**
 * {@link XptTableSource} against R's haven 2.5.1: every variable of our own haven-written files and of
 * the SAS-written CDISC pilot files in {@code ../shared/adam/} (read in place), compared with
 * {@code src/test/resources/io/xpt/haven_readings.tsv}, made by {@code make_xpt_reference.R} beside it.
 * Tolerance: sums of numbers to 1e-12 relative (haven and we both convert IBM floats by rounding the
 * 56-bit fraction; the sum's order of addition is the same), single values exactly as text or to 1e-15
 * relative.
 */
class XptTableSourceTest {

  static final Path DIR = Path.of("src", "test", "resources", "io", "xpt");
  static final Path SHARED = Path.of("..", "shared", "adam");

  static Map<String, List<TableReadings.Reading>> readings() throws IOException {
    return TableReadings.load(DIR.resolve("haven_readings.tsv"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"own_v5", "own_v8"})
  void ownFilesMatchHaven(String key) throws IOException {
    check(DIR.resolve(key + ".xpt"), null, readings().get(key));
  }

  @ParameterizedTest
  @ValueSource(strings = {"adsl", "adqscibc"})
  void sasWrittenFilesMatchHaven(String key) throws IOException {
    Path f = SHARED.resolve(key + ".xpt");
    Assumptions.assumeTrue(Files.exists(f), "../shared/adam/" + key + ".xpt is absent: skipped (see docs)");
    check(f, null, readings().get(key));
  }

  @Test
  void twoMembersNeedMemberAndEachMatches() throws IOException {
    Path f = DIR.resolve("own_two_members.xpt");
    assertThat(XptTableSource.members(f, "two.xpt")).extracting(XptTableSource.Member::name)
        .containsExactly("OWN", "SECOND");
    assertThatThrownBy(() -> XptTableSource.open(f, "two.xpt", null)).isInstanceOf(InvalidOptionException.class)
        .hasMessage("two.xpt: the SAS transport file has 2 members (OWN, SECOND); choose one with --member NAME");
    assertThatThrownBy(() -> XptTableSource.open(f, "two.xpt", "THIRD")).isInstanceOf(InvalidOptionException.class)
        .hasMessage("--member THIRD: two.xpt has no such member; its members: OWN, SECOND");
    check(f, "own", readings().get("own_v5"));
    check(f, "SECOND", readings().get("second"));
  }

  private static void check(Path file, String member, List<TableReadings.Reading> expected) {
    try (XptTableSource src = XptTableSource.open(file, file.getFileName().toString(), member)) {
      TableReadings.check(src, expected);
    }
  }

  @Test
  void specialMissingValuesAndShortNumbers() {
    byte[] b = new byte[8];
    for (int code : new int[] {'.', 'A', 'Z', '_'}) {
      b[0] = (byte) code;
      assertThat(IbmFloat.decode(b, 0, 8)).isNaN();
      assertThat(IbmFloat.isNotANumber(IbmFloat.decode(b, 0, 8))).isFalse();
    }
    // 1.0 = 0x41 10 00..., -118.625 = 0xC2 76 A0 00... (IBM GA22-7000 examples); length 3 keeps 3 bytes
    assertThat(IbmFloat.decode(new byte[] {0x41, 0x10, 0, 0, 0, 0, 0, 0}, 0, 8)).isEqualTo(1.0);
    assertThat(IbmFloat.decode(new byte[] {(byte) 0xC2, 0x76, (byte) 0xA0, 0, 0, 0, 0, 0}, 0, 8))
        .isEqualTo(-118.625);
    assertThat(IbmFloat.decode(new byte[] {(byte) 0xC2, 0x76, (byte) 0xA0}, 0, 3)).isEqualTo(-118.625);
    assertThat(IbmFloat.isNotANumber(IbmFloat.decode(new byte[] {0x41, 0x01, 0, 0, 0, 0, 0, 0}, 0, 8))).isTrue();
    assertThat(IbmFloat.isNotANumber(IbmFloat.decode(new byte[] {0x3F, 0, 0, 0, 0, 0, 0, 0}, 0, 8))).isTrue();
  }

  @Test
  void badFilesAreDataErrors(@TempDir Path tmp) throws IOException {
    byte[] good = Files.readAllBytes(DIR.resolve("own_v5.xpt"));
    Path truncated = tmp.resolve("truncated.xpt");
    Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 80 - 40));
    assertThatThrownBy(() -> XptTableSource.open(truncated, "truncated.xpt", null))
        .isInstanceOf(DataException.class).hasMessageContaining("not a multiple of 80");
    Path cut = tmp.resolve("cut.xpt");
    Files.write(cut, java.util.Arrays.copyOf(good, 80 * 12));
    assertThatThrownBy(() -> XptTableSource.open(cut, "cut.xpt", null))
        .isInstanceOf(DataException.class).hasMessageContaining("the transport file is truncated");
    Path csv = tmp.resolve("data.xpt");
    Files.writeString(csv, "a,b\n1,2\n");
    assertThatThrownBy(() -> XptTableSource.open(csv, "data.xpt", null))
        .isInstanceOf(DataException.class).hasMessageStartingWith("not a SAS transport file");
  }
}
