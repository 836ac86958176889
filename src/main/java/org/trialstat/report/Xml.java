package org.trialstat.report;

/**
 * Escaping of text for XML 1.0 content and attribute values (W3C, "Extensible Markup Language (XML) 1.0
 * (Fifth Edition)", 2008): {@code & < > "} and the apostrophe as references, and the characters section 2.2
 * does not allow (controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) dropped. The two
 * escapers differ in the apostrophe's reference and in what becomes of tab, line feed and carriage return.
 *
 * @param apostrophe             the reference written for {@code '}
 * @param whitespaceAsReferences tab, line feed and carriage return as numeric references (else as they are)
 */
public record Xml(String apostrophe, boolean whitespaceAsReferences) {
  /**
   * Markup that is also inlined in HTML (SVG figures, the HTML report): the apostrophe as {@code &#39;}
   * (HTML 4 has no {@code &apos;}); tab, line feed and carriage return kept as they are.
   */
  public static final Xml HTML_COMPATIBLE = new Xml("&#39;", false);
  /**
   * XML whose attribute values must keep their line breaks (the JUnit report of {@code verify}): the
   * apostrophe as {@code &apos;}; tab, line feed and carriage return as {@code &#9;}, {@code &#10;},
   * {@code &#13;}, which attribute-value normalization (section 3.3.3) would otherwise turn into spaces.
   */
  public static final Xml WHITESPACE_AS_REFERENCES = new Xml("&apos;", true);

  /** The text escaped. */
  public String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append(apostrophe);
        case '\t', '\n', '\r' -> {
          if (whitespaceAsReferences) {
            out.append("&#").append((int) c).append(';');
          } else {
            out.append(c);
          }
        }
        default -> {
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
