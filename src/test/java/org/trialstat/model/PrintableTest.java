package org.trialstat.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 16 items 21 and 22: what {@link Printable} escapes, and that ordinary names stay the same object. */
class PrintableTest {

  @ParameterizedTest
  @ValueSource(strings = {"MDMA", "Placebo", "week 18", "Ärm ünd Ökö", "\u00e9t\u00e9 \u2264 19", "\ud83d\ude00",
      "a\\b", "Pla|cebo"})
  void ordinaryNamesAreUnchanged(String name) {
    assertThat(Printable.escape(name)).isSameAs(name);
  }

  /** Expected escapes written by hand from the Unicode general categories (Cc, Cf, Zl, Zp). */
  static Stream<Arguments> unsafe() {
    return Stream.of(Arguments.of("\u001b[2J", "\\u001B[2J"), Arguments.of("a\nb", "a\\nb"),
        Arguments.of("a\rb", "a\\rb"), Arguments.of("a\tb", "a\\tb"), Arguments.of("\u0007", "\\u0007"),
        Arguments.of("\u007f", "\\u007F"), Arguments.of("\u009b", "\\u009B"), Arguments.of("\u202ex", "\\u202Ex"),
        Arguments.of("\u2066x\u2069", "\\u2066x\\u2069"), Arguments.of("\u200bx", "\\u200Bx"),
        Arguments.of("\ufeffx", "\\uFEFFx"), Arguments.of("\u00adx", "\\u00ADx"), Arguments.of("\u2028", "\\u2028"),
        Arguments.of("\u061c", "\\u061C"), Arguments.of("\u200e\u200f", "\\u200E\\u200F"),
        Arguments.of("caps\u200b_total", "caps\\u200B_total"));
  }

  @ParameterizedTest
  @MethodSource("unsafe")
  void unsafeCharactersAreEscaped(String raw, String shown) {
    assertThat(Printable.escape(raw)).isEqualTo(shown);
  }

  @Test
  void documentsKeepTheirLines() {
    assertThat(Printable.escapeKeepingLines("a\nb\u001b")).isEqualTo("a\nb\\u001B");
    assertThat(Printable.escapeKeepingLines("x\r\n")).isEqualTo("x\\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\ud800", "x\udc00y"})
  void loneSurrogatesAreEscaped(String raw) {
    assertThat(Printable.escape(raw)).doesNotContainPattern("[\\ud800-\\udfff]").contains("\\uD");
  }
}
