package org.trialstat.report.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ResultReportTest {

  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    var b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> elements(Document d, String tag) {
    NodeList n = d.getElementsByTagNameNS("*", tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < n.getLength(); i++) {
      out.add((Element) n.item(i));
    }
    return out;
  }

  @Test
  void sampleReportIsWellFormedAndHasEveryFigureAndTable() throws Exception {
    HtmlReport report = Sample.report();
    String html = report.html();
    Document d = parse(html); // fails on anything that is not well-formed
    // trajectory, forest (ANCOVA), forest (risk ratios), waterfall, flow
    assertThat(report.figureCount()).isEqualTo(5);
    assertThat(elements(d, "figure")).hasSize(5);
    assertThat(elements(d, "svg")).hasSize(5);
    assertThat(elements(d, "figcaption")).hasSize(5);
    // arms, comparisons, binary endpoints, row accounting
    assertThat(report.tableCount()).isEqualTo(4);
    assertThat(elements(d, "table")).hasSize(4);
    for (Element t : elements(d, "table")) {
      assertThat(((Element) t.getParentNode()).getAttribute("class")).isEqualTo("table-wrap");
    }
    assertThat(html).contains("Participant flow", "Change from baseline in CAPS-5 by visit and arm",
        "Risk ratio by comparison", "Methods used:", "339 data rows read, 339 used.",
        "trialstat analyze samples/mapp1_like.csv (test build)");
    // The sample's Welch difference, R 4.2.2 t.test (mapp1_like.expected.json): -9.44871794871795
    // (-14.1655582310342 to -4.7318776664017), printed to 2 decimals
    assertThat(html).contains("<td class=\"num\">-9.45</td><td class=\"num\">-14.17 to -4.73</td>");
  }

  @Test
  void pageCannotLoadAnything() throws Exception {
    String html = Sample.report().html();
    Document d = parse(html);
    List<Element> meta = elements(d, "meta").stream()
        .filter(m -> m.getAttribute("http-equiv").equals("Content-Security-Policy")).toList();
    assertThat(meta).hasSize(1);
    assertThat(meta.get(0).getAttribute("content")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assertThat(elements(d, "script")).isEmpty();
    assertThat(elements(d, "link")).isEmpty();
    assertThat(externalReferences(html)).isEmpty();
    // no @import or url() in the style sheet
    assertThat(HtmlReport.CSS).doesNotContain("url(", "@import");
  }

  @Test
  void pageIsByteStableAndPhoneAndPrintReady() {
    String html = Sample.report().html();
    assertThat(html).isEqualTo(Sample.report().html());
    assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
    assertThat(HtmlReport.CSS).contains(".table-wrap{overflow-x:auto", "figure svg{display:block;width:100%",
        "@media print");
  }

  @Test
  void textIsEscapedAndCellCountsChecked() throws Exception {
    HtmlReport r = new HtmlReport("a <b> & c").table("t & u", List.of("x", ">n"), List.of(List.of("<i>", "1")));
    Document d = parse(r.html());
    assertThat(elements(d, "i")).isEmpty();
    assertThat(elements(d, "td").get(0).getTextContent()).isEqualTo("<i>");
    assertThat(elements(d, "td").get(1).getAttribute("class")).isEqualTo("num");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.table("t", List.of("a"), List.of(List.of("1", "2"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Every src, href, xlink:href or action attribute that points to http, https or a protocol-relative URL. */
  static List<String> externalReferences(String html) {
    Matcher m = Pattern.compile("(?i)\\b(?:src|href|xlink:href|action|srcset)\\s*=\\s*[\"']?\\s*(https?:|//)[^\"'\\s>]*")
        .matcher(html);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
