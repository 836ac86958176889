package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SvgWriterTest {

  @Test
  void numbersHaveAtMostTwoDecimalsAndNoNegativeZero() {
    assertThat(SvgWriter.num(0)).isEqualTo("0");
    assertThat(SvgWriter.num(-0.004)).isEqualTo("0");
    assertThat(SvgWriter.num(12.5)).isEqualTo("12.5");
    assertThat(SvgWriter.num(-3.14159)).isEqualTo("-3.14");
    assertThat(SvgWriter.num(720)).isEqualTo("720");
    assertThat(SvgWriter.num(0.996)).isEqualTo("1");
    assertThat(SvgWriter.num(1e9)).isEqualTo("1000000000");
    assertThatThrownBy(() -> SvgWriter.num(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersDoNotDependOnTheLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(SvgWriter.num(1234.5)).isEqualTo("1234.5");
      assertThat(Axis.linear(-0.37, 0.81, 0, 100).label(0.5)).isEqualTo("0.5");
      assertThat(org.trialstat.report.Fmt.fixed(-0.0001, 2)).isEqualTo("0.00");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void textIsEscaped() {
    SvgWriter svg = new SvgWriter(10, 10, "a < b & \"c\"", "d > 'e'\u0001");
    svg.text("t", 1, 2, "start", "", "<script>");
    SvgDom dom = SvgDom.parse(svg.finish());
    assertThat(dom.doc.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("a < b & \"c\"");
    assertThat(dom.doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent()).isEqualTo("d > 'e'");
    assertThat(dom.texts("t")).containsExactly("<script>");
    assertThat(dom.doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
  }

  @Test
  void documentScalesToItsContainer() {
    SvgDom dom = SvgDom.parse(new SvgWriter(720, 400, "t", "d").finish());
    assertThat(dom.root().getAttribute("viewBox")).isEqualTo("0 0 720 400");
    assertThat(dom.root().getAttribute("width")).isEqualTo("100%");
    assertThat(dom.root().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
  }
}
