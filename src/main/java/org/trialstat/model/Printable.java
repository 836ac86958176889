package org.trialstat.model;

import java.util.Locale;

/**
 * Text from the input (arm, visit, file, study and column names) made safe to print on a terminal, in a
 * Markdown table or in a CI log: characters that move the cursor, change the screen or the window title,
 * break a line, reorder text or are invisible are shown as escapes, so that what is printed is what the
 * file holds and nothing else.
 *
 * <p>Escaped: the C0 controls (ESC, BEL, backspace, ...; line feed, carriage return and tab as
 * {@code \n}, {@code \r}, {@code \t}), DEL and the C1 controls (U+007F..U+009F, CSI among them), the
 * Unicode line and paragraph separators, every format character (general category Cf: the bidi
 * embeddings, overrides and isolates U+202A..U+202E and U+2066..U+2069, the marks U+200E, U+200F and
 * U+061C, zero-width spaces and joiners, the byte-order mark, the soft hyphen) and unpaired surrogates;
 * all but the three named ones as {@code \}{@code uXXXX} with four upper-case hex digits. The choice
 * follows the "Trojan Source" advice (N. Boucher and R. Anderson, CVE-2021-42574, 2021) and the
 * terminal-injection class CWE-150. Backslashes are left as they are. A string without such characters
 * is returned unchanged, so ordinary names print exactly as before.
 *
 * <p>JSON, CSV and TSV keep the names as they are (their own quoting applies); these escapes are for the
 * text outputs: tables, Markdown, messages on standard error and the {@code verify} report.
 */
public final class Printable {

  private Printable() {
  }

  /** True for a character that {@link #escape(String)} shows as an escape (surrogates: see the class). */
  public static boolean isUnsafe(char c) {
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** The string with every unsafe character escaped, line feeds too: for one-line texts (names, messages). */
  public static String escape(String s) {
    return escape(s, false);
  }

  /**
   * The string with every unsafe character escaped except the line feed: for a whole rendered document,
   * whose own lines are kept (names in it are escaped where they are placed, line feeds included).
   */
  public static String escapeKeepingLines(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean keepLines) {
    if (s == null) {
      return null;
    }
    int first = firstUnsafe(s, keepLines);
    if (first < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (keepLines && c == '\n') {
        sb.append(c);
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        append(sb, c);
      }
    }
    return sb.toString();
  }

  /** Appends one character, escaped when {@link #isUnsafe(char)} or a lone surrogate. */
  public static void append(StringBuilder sb, char c) {
    switch (c) {
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      default -> {
        if (isUnsafe(c) || Character.isSurrogate(c)) {
          sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
  }

  private static int firstUnsafe(String s, boolean keepLines) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if ((isUnsafe(c) && !(keepLines && c == '\n')) || Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
