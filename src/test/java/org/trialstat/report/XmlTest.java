package org.trialstat.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The two XML escapers. Reference: the JDK's XML 1.0 parser, which must read every escaped text back as
 * the original less the characters XML 1.0 cannot hold (section 2.2), and which applies attribute-value
 * normalization (section 3.3.3: a literal tab or line break in an attribute becomes a space).
 */
class XmlTest {

  private static final String TEXT = "a < b & \"c\" > 'd'\tx\ny\rz\u0001\uFFFE\u00e9\u2028";

  private static String attribute(String escaped) throws Exception {
    byte[] doc = ("<r a=\"" + escaped + "\"/>").getBytes(StandardCharsets.UTF_8);
    Element r = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(doc))
        .getDocumentElement();
    return r.getAttribute("a");
  }

  @Test
  void htmlCompatibleKeepsWhitespaceAndWritesTheApostropheAsANumber() throws Exception {
    String e = Xml.HTML_COMPATIBLE.escape(TEXT);
    assertThat(e).isEqualTo("a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;\tx\ny\rz\u00e9\u2028");
    // the parser normalizes the literal tab, LF and CR of an attribute to spaces (CR LF would be one)
    assertThat(attribute(e)).isEqualTo("a < b & \"c\" > 'd' x y z\u00e9\u2028");
  }

  @Test
  void whitespaceAsReferencesSurvivesAttributeNormalization() throws Exception {
    String e = Xml.WHITESPACE_AS_REFERENCES.escape(TEXT);
    assertThat(e).isEqualTo("a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;&#9;x&#10;y&#13;z\u00e9\u2028");
    assertThat(attribute(e)).isEqualTo("a < b & \"c\" > 'd'\tx\ny\rz\u00e9\u2028");
  }
}
