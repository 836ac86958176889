package org.trialstat.report.figure;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An SVG document parsed by the JDK's DOM parser (which fails on anything that is not well-formed XML),
 * with look-ups by class and the data-to-pixel mapping read back from the drawn axis ticks, so that a
 * test can check a mark's position against the data independently of the renderer's own axis code.
 */
final class SvgDom {
  final Document doc;

  private SvgDom(Document doc) {
    this.doc = doc;
  }

  static SvgDom parse(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return new SvgDom(b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  Element root() {
    return doc.getDocumentElement();
  }

  /** Every element whose class attribute is cls, in document order. */
  List<Element> byClass(String cls) {
    return byClass(doc.getDocumentElement(), cls);
  }

  static List<Element> byClass(Element under, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList all = under.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (cls.equals(e.getAttribute("class"))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The texts of the elements of a class. */
  List<String> texts(String cls) {
    return byClass(cls).stream().map(Element::getTextContent).toList();
  }

  static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }

  /** The ticks of an axis group ("x-axis" or "y-axis"): tick value -> pixel of its tick mark. */
  Map<Double, Double> ticks(String axis) {
    Map<Double, Double> out = new TreeMap<>();
    for (Element tick : byClass(byClass(axis).get(0), "tick")) {
      Element mark = byClass(tick, "tick-mark").get(0);
      double pixel = num(mark, axis.equals("x-axis") ? "x1" : "y1");
      out.put(Double.parseDouble(tick.getAttribute("data-value")), pixel);
    }
    return out;
  }

  /**
   * The pixel of a value by interpolating between the first and last drawn ticks (in log10 of the values
   * when {@code log}).
   */
  double pixel(String axis, double value, boolean log) {
    TreeMap<Double, Double> t = new TreeMap<>(ticks(axis));
    double v0 = t.firstKey();
    double v1 = t.lastKey();
    double p0 = t.get(v0);
    double p1 = t.get(v1);
    double f = log ? (Math.log10(value) - Math.log10(v0)) / (Math.log10(v1) - Math.log10(v0)) : (value - v0) / (v1 - v0);
    return p0 + f * (p1 - p0);
  }
}
