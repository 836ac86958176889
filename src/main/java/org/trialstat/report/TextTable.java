package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.Printable;

/**
 * A table of text cells rendered either as aligned plain text (numbers right-aligned) or as a GitHub
 * Markdown table. Cells, titles and headings are shown with {@link Printable#escape(String)} (a name's
 * control, line-break and bidi characters as escapes); Markdown cells also escape {@code |}.
 */
final class TextTable {
  private final String[] header;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();

  /**
   * @param header column titles; a title starting with '&gt;' is right-aligned (the marker is removed)
   */
  TextTable(String... header) {
    this.header = new String[header.length];
    this.right = new boolean[header.length];
    for (int i = 0; i < header.length; i++) {
      right[i] = header[i].startsWith(">");
      this.header[i] = Printable.escape(right[i] ? header[i].substring(1) : header[i]);
    }
  }

  TextTable row(String... cells) {
    if (cells.length != header.length) {
      throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
    }
    String[] safe = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = Printable.escape(cells[i]);
    }
    rows.add(safe);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String plain() {
    String[] head = header.clone();
    List<String[]> body = new ArrayList<>();
    for (String[] r : rows) {
      body.add(r.clone());
    }
    hangFootnoteMarks(head, body);
    int[] w = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      w[i] = head[i].length();
      for (String[] r : body) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, head, w);
    int total = 0;
    for (int x : w) {
      total += x;
    }
    sb.append("-".repeat(total + 2 * (w.length - 1))).append('\n');
    for (String[] r : body) {
      line(sb, r, w);
    }
    return sb.toString();
  }

  /**
   * In a right-aligned column where some cell ends with the footnote mark '*', the other cells get a
   * trailing space, so that the numbers stay aligned and the marks hang to their right.
   */
  private void hangFootnoteMarks(String[] head, List<String[]> body) {
    for (int i = 0; i < head.length; i++) {
      if (!right[i]) {
        continue;
      }
      boolean marked = false;
      for (String[] r : body) {
        marked |= r[i].endsWith("*");
      }
      if (!marked) {
        continue;
      }
      head[i] = head[i] + " ";
      for (String[] r : body) {
        if (!r[i].endsWith("*")) {
          r[i] = r[i] + " ";
        }
      }
    }
  }

  private void line(StringBuilder sb, String[] cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        l.append("  ");
      }
      String c = cells[i];
      String pad = " ".repeat(w[i] - c.length());
      l.append(right[i] ? pad + c : c + pad);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  String markdown() {
    StringBuilder sb = new StringBuilder("|");
    for (String h : header) {
      sb.append(' ').append(escape(h)).append(" |");
    }
    sb.append("\n|");
    for (boolean r : right) {
      sb.append(r ? "---:|" : "---|");
    }
    sb.append('\n');
    for (String[] row : rows) {
      sb.append('|');
      for (String c : row) {
        sb.append(' ').append(escape(c)).append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Appends a document heading: Markdown "## text", or the text underlined with '='. */
  static void heading(StringBuilder sb, String heading, boolean markdown) {
    String text = Printable.escape(heading);
    if (markdown) {
      sb.append("## ").append(text).append("\n\n");
    } else {
      sb.append(text).append('\n').append("=".repeat(text.length())).append('\n');
    }
  }

  /**
   * Appends footnote lines, each escaped as one line ({@link Printable#escape(String)}), as a Markdown
   * list or as plain lines.
   */
  static void lines(StringBuilder sb, List<String> lines, boolean markdown) {
    for (String line : lines) {
      sb.append(markdown ? "- " : "").append(Printable.escape(line)).append('\n');
    }
  }

  /** Appends this table under a section title, then a blank line. */
  void appendSection(StringBuilder sb, String title, boolean markdown) {
    if (markdown) {
      sb.append("### ").append(title).append("\n\n").append(markdown()).append('\n');
    } else {
      sb.append(title).append('\n').append(plain()).append('\n');
    }
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }
}
