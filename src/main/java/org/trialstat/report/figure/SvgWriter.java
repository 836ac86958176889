package org.trialstat.report.figure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.trialstat.report.Xml;

/**
 * A minimal writer of SVG 1.1 markup (W3C, "Scalable Vector Graphics (SVG) 1.1 (Second Edition)", 2011),
 * byte-stable: every coordinate is rounded by {@link #num(double)} to a fixed two decimals (trailing zeros dropped) in
 * {@link java.util.Locale#ROOT} style (no locale, no exponent), attributes in a fixed order, text escaped
 * by {@link #escape(String)}. The document has no XML declaration, so that it can be inlined in HTML5
 * as it is, and a {@code viewBox} with {@code width="100%"}, so that it scales to its container.
 *
 * <p>The elements used are the basic shapes, {@code text}, {@code g}, {@code title} and {@code desc};
 * nothing refers to an external resource (fonts are the viewer's generic {@code sans-serif}).
 */
final class SvgWriter {
  /** Font size of ordinary text, in user units. */
  static final double FONT = 12;
  /** Average advance width of one character of {@link #FONT}-sized sans-serif, as a fraction of the size. */
  static final double CHAR_WIDTH = 0.56;

  private final StringBuilder sb = new StringBuilder(8192);
  private final double width;
  private final double height;
  private boolean closed;

  /**
   * Opens the document.
   *
   * @param width  viewBox width
   * @param height viewBox height
   * @param title  accessible title (the {@code title} element, read by screen readers and shown as tooltip)
   * @param desc   accessible description, for example the caption
   */
  SvgWriter(double width, double height, String title, String desc) {
    this.width = width;
    this.height = height;
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(num(width)).append(' ')
        .append(num(height)).append("\" width=\"100%\" role=\"img\" font-family=\"sans-serif\" font-size=\"")
        .append(num(FONT)).append("\">\n");
    sb.append("<title>").append(escape(title)).append("</title>\n");
    sb.append("<desc>").append(escape(desc)).append("</desc>\n");
    sb.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"")
        .append(num(height)).append("\" fill=\"#ffffff\"/>\n");
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  /** Opens a group with a class (and optional extra attributes, already formatted as {@code k="v"}). */
  SvgWriter group(String cls, String... attributes) {
    sb.append("<g class=\"").append(escape(cls)).append('"');
    for (String a : attributes) {
      sb.append(' ').append(a);
    }
    sb.append(">\n");
    return this;
  }

  SvgWriter endGroup() {
    sb.append("</g>\n");
    return this;
  }

  /** A straight line; {@code style} is the rest of the attributes, for example {@code stroke="#000"}. */
  SvgWriter line(String cls, double x1, double y1, double x2, double y2, String style) {
    sb.append("<line class=\"").append(escape(cls)).append("\" x1=\"").append(num(x1)).append("\" y1=\"")
        .append(num(y1)).append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" ")
        .append(style).append("/>\n");
    return this;
  }

  SvgWriter rect(String cls, double x, double y, double w, double h, String style) {
    sb.append("<rect class=\"").append(escape(cls)).append("\" x=\"").append(num(x)).append("\" y=\"")
        .append(num(y)).append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"")
        .append(num(Math.max(0, h))).append("\" ").append(style).append("/>\n");
    return this;
  }

  SvgWriter circle(String cls, double cx, double cy, double r, String style) {
    sb.append("<circle class=\"").append(escape(cls)).append("\" cx=\"").append(num(cx)).append("\" cy=\"")
        .append(num(cy)).append("\" r=\"").append(num(r)).append("\" ").append(style).append("/>\n");
    return this;
  }

  /** A closed polygon through the points x0, y0, x1, y1, ... */
  SvgWriter polygon(String cls, String style, double... xy) {
    return poly("polygon", cls, style, xy);
  }

  /** An open polyline through the points x0, y0, x1, y1, ... */
  SvgWriter polyline(String cls, String style, double... xy) {
    return poly("polyline", cls, style, xy);
  }

  private SvgWriter poly(String element, String cls, String style, double... xy) {
    sb.append('<').append(element).append(" class=\"").append(escape(cls)).append("\" points=\"");
    for (int i = 0; i < xy.length; i += 2) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(num(xy[i])).append(',').append(num(xy[i + 1]));
    }
    sb.append("\" ").append(style).append("/>\n");
    return this;
  }

  /**
   * A line of text.
   *
   * @param anchor start, middle or end
   * @param style  further attributes, for example {@code font-weight="bold"}; may be empty
   */
  SvgWriter text(String cls, double x, double y, String anchor, String style, String text) {
    sb.append("<text class=\"").append(escape(cls)).append("\" x=\"").append(num(x)).append("\" y=\"")
        .append(num(y)).append('"');
    if (!"start".equals(anchor)) {
      sb.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (!style.isEmpty()) {
      sb.append(' ').append(style);
    }
    sb.append('>').append(escape(text)).append("</text>\n");
    return this;
  }

  /** Text rotated by -90 degrees about its anchor point (a vertical axis label, read bottom to top). */
  SvgWriter verticalText(String cls, double x, double y, String text) {
    return text(cls, x, y, "middle", "transform=\"rotate(-90 " + num(x) + ' ' + num(y) + ")\"", text);
  }

  /** Closes the document and returns it. */
  String finish() {
    if (!closed) {
      sb.append("</svg>\n");
      closed = true;
    }
    return sb.toString();
  }

  /** Writes a finished document as UTF-8. */
  static void write(String svg, OutputStream out) {
    try {
      out.write(svg.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A coordinate rounded to two decimals (trailing zeros dropped), half away from zero, never "-0.00" and never in exponent
   * notation: the same bytes on every machine and locale.
   */
  static String num(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not a finite coordinate: " + x);
    }
    long hundredths = Math.round(Math.abs(x) * 100);
    if (hundredths == 0) {
      return "0";
    }
    StringBuilder s = new StringBuilder();
    if (x < 0) {
      s.append('-');
    }
    s.append(hundredths / 100);
    long frac = hundredths % 100;
    if (frac != 0) {
      s.append('.').append((char) ('0' + frac / 10));
      if (frac % 10 != 0) {
        s.append((char) ('0' + frac % 10));
      }
    }
    return s.toString();
  }

  /** Escapes the five XML special characters and drops characters XML 1.0 does not allow ({@link Xml#HTML_COMPATIBLE}). */
  static String escape(String s) {
    return Xml.HTML_COMPATIBLE.escape(s);
  }

  /** Estimated width of a text at a font size (no font metrics: the output must not depend on installed fonts). */
  static double textWidth(String s, double fontSize) {
    return s.length() * CHAR_WIDTH * fontSize;
  }
}
