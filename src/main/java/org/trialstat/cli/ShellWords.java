package org.trialstat.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell does for plain words and quotes (no expansion):
 * whitespace separates words; {@code '...'} quotes literally; {@code "..."} quotes with {@code \"} and
 * {@code \\} escapes; a backslash outside quotes escapes the next character.
 */
final class ShellWords {

  private ShellWords() {
  }

  /**
   * The words of a line.
   *
   * @throws IllegalArgumentException for an unclosed quote or a trailing backslash (the message says which)
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i++);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else if (c == '\'') {
        inWord = true;
        int end = line.indexOf('\'', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed single quote");
        }
        cur.append(line, i, end);
        i = end + 1;
      } else if (c == '"') {
        inWord = true;
        boolean closed = false;
        while (i < line.length()) {
          char d = line.charAt(i++);
          if (d == '"') {
            closed = true;
            break;
          }
          if (d == '\\' && i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\\')) {
            d = line.charAt(i++);
          }
          cur.append(d);
        }
        if (!closed) {
          throw new IllegalArgumentException("unclosed double quote");
        }
      } else if (c == '\\') {
        if (i >= line.length()) {
          throw new IllegalArgumentException("trailing backslash");
        }
        inWord = true;
        cur.append(line.charAt(i++));
      } else {
        inWord = true;
        cur.append(c);
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }
}
