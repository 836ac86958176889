package org.trialstat.report.figure;

import java.io.OutputStream;
import java.util.List;

/**
 * Builds one self-contained HTML5 page: headings, tables, inline SVG figures, paragraphs, warnings and
 * footnotes, with a Content-Security-Policy that forbids every external or scripted resource
 * ({@value #CSP}), so that opening the file makes no request. The page is readable on a phone (tables
 * scroll inside their own container, figures scale to the width, long words wrap) and printable (print
 * CSS: no scrolling containers, no page breaks inside tables and figures). Output is byte-stable: the
 * page has no date unless the caller puts one in the provenance line. Void elements are self-closed, so
 * that the page is also well-formed XML (a test parses it with the JDK's XML parser).
 */
public final class HtmlReport {
  /** The page's Content-Security-Policy. */
  public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  static final String CSS = String.join("\n",
      "*{box-sizing:border-box}",
      "html{-webkit-text-size-adjust:100%}",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;margin:0 auto;"
          + "max-width:62rem;padding:1rem;line-height:1.45;color:#111;background:#fff;overflow-wrap:anywhere}",
      "h1{font-size:1.5rem;margin:.5rem 0 1rem}",
      "h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #ccc}",
      ".table-wrap{overflow-x:auto;max-width:100%;margin:.5rem 0 1rem}",
      "table{border-collapse:collapse;font-size:.9rem;font-variant-numeric:tabular-nums}",
      ".table-title{font-size:1rem;margin:1rem 0 .25rem}",
      "th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top;"
          + "overflow-wrap:normal}",
      "th{border-bottom:2px solid #999}",
      ".num{text-align:right;white-space:nowrap}",
      "figure{margin:1rem 0}",
      "figure svg{display:block;width:100%;max-width:100%;height:auto}",
      "figcaption{font-size:.85rem;color:#333;margin-top:.25rem}",
      ".warnings{background:#fff4e5;border-left:4px solid #E69F00;padding:.5rem 1rem}",
      ".footnotes,.provenance{font-size:.85rem;color:#444}",
      "@media print{body{max-width:none;padding:0;font-size:10pt}.table-wrap{overflow:visible}"
          + "table,figure{break-inside:avoid}h2{break-after:avoid}.warnings{border:1px solid #999}}");

  private final StringBuilder body = new StringBuilder(32768);
  private final String title;
  private int figures;
  private int tables;

  /** A report with a page title (also the first heading). */
  public HtmlReport(String title) {
    this.title = title;
  }

  /** A section heading. */
  public HtmlReport section(String heading) {
    return element("<h2>", heading, "</h2>\n");
  }

  /** A paragraph of text. */
  public HtmlReport paragraph(String text) {
    return element("<p>", text, "</p>\n");
  }

  /** An element of escaped text between its start and end tags. */
  private HtmlReport element(String start, String text, String end) {
    body.append(start).append(SvgWriter.escape(text)).append(end);
    return this;
  }

  /**
   * A table from text cells under a title (a heading above the table's scrolling container, so that it
   * wraps on a phone instead of scrolling away). A header starting with '&gt;' marks a right-aligned
   * numeric column (the marker is removed), as in the text tables.
   */
  public HtmlReport table(String caption, List<String> header, List<List<String>> rows) {
    boolean[] num = new boolean[header.size()];
    StringBuilder t = new StringBuilder("<table aria-label=\"").append(SvgWriter.escape(caption))
        .append("\">\n<thead><tr>");
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      num[i] = h.startsWith(">");
      t.append(num[i] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
          .append(SvgWriter.escape(num[i] ? h.substring(1) : h)).append("</th>");
    }
    t.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("expected " + header.size() + " cells, got " + row.size());
      }
      t.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        t.append(num[i] ? "<td class=\"num\">" : "<td>").append(SvgWriter.escape(row.get(i))).append("</td>");
      }
      t.append("</tr>\n");
    }
    element("<h3 class=\"table-title\">", caption, "</h3>\n");
    return tableHtml(t.append("</tbody>\n</table>").toString());
  }

  /**
   * A table already rendered as an HTML {@code <table>} fragment (trusted markup from trialstat's own
   * writers), placed in a scrolling container.
   */
  public HtmlReport tableHtml(String tableFragment) {
    String f = tableFragment.strip();
    if (!f.startsWith("<table") || !f.endsWith("</table>")) {
      throw new IllegalArgumentException("expected a <table> ... </table> fragment");
    }
    tables++;
    body.append("<div class=\"table-wrap\">\n").append(f).append("\n</div>\n");
    return this;
  }

  /** A figure: its SVG inline (without the caption), the caption below as text. */
  public HtmlReport figure(Plot plot) {
    figures++;
    FigureText t = plot.text();
    Plot bare = plot.withText(new FigureText(t.title(), t.xLabel(), t.yLabel(), ""));
    body.append("<figure>\n").append(bare.svg()).append("<figcaption>")
        .append(SvgWriter.escape(plot.text().caption())).append("</figcaption>\n</figure>\n");
    return this;
  }

  /** A highlighted list of warnings (nothing when empty). */
  public HtmlReport warnings(List<String> warnings) {
    return list("warnings", warnings);
  }

  /** A list of footnotes (nothing when empty). */
  public HtmlReport footnotes(List<String> notes) {
    return list("footnotes", notes);
  }

  private HtmlReport list(String cls, List<String> items) {
    if (!items.isEmpty()) {
      body.append("<ul class=\"").append(cls).append("\">\n");
      for (String w : items) {
        element("<li>", w, "</li>\n");
      }
      body.append("</ul>\n");
    }
    return this;
  }

  /** The provenance line: what produced the page, from which inputs. */
  public HtmlReport provenance(String text) {
    return element("<p class=\"provenance\">", text, "</p>\n");
  }

  /** Figures added so far. */
  public int figureCount() {
    return figures;
  }

  /** Tables added so far. */
  public int tableCount() {
    return tables;
  }

  /** The page. */
  public String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\"/>\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        + "<title>" + SvgWriter.escape(title) + "</title>\n<style>\n" + CSS + "\n</style>\n</head>\n<body>\n<main>\n"
        + "<h1>" + SvgWriter.escape(title) + "</h1>\n" + body + "</main>\n</body>\n</html>\n";
  }

  /** Writes {@link #html()} as UTF-8. */
  public void write(OutputStream out) {
    SvgWriter.write(html(), out);
  }
}
