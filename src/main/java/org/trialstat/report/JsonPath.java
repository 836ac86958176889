package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resolves a path such as {@code comparisons[treatment=MDMA,control=Placebo].cohens_d.estimate} in a
 * JSON tree of maps and lists (as built by {@link Json}, or parsed by any JSON library into
 * {@code Map}/{@code List}).
 *
 * <p>Syntax: segments separated by dots outside brackets; a segment {@code name[key=value,...]} picks
 * the one element of the array {@code name} whose fields have those values (compared as text; numbers
 * through their shortest form); {@code name[3]} picks by 0-based index. Values may contain spaces,
 * commas and dots: a selector is split only on {@code ,key=}. This is the syntax of the reference
 * oracles' README and of {@code trialstat verify}.
 */
public final class JsonPath {

  private JsonPath() {
  }

  /** Thrown when a path does not resolve; the message says which segment failed and what was there. */
  public static final class PathException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PathException(String message) {
      super(message);
    }
  }

  /** The value at {@code path}. */
  public static Object resolve(Object root, String path) {
    Object cur = root;
    for (String segment : segments(path)) {
      int b = segment.indexOf('[');
      String name = b < 0 ? segment : segment.substring(0, b);
      if (!name.isEmpty()) {
        if (!(cur instanceof Map<?, ?> m) || !m.containsKey(name)) {
          throw new PathException("no key '" + name + "' in " + describe(cur) + " (path " + path + ")");
        }
        cur = m.get(name);
      }
      if (b >= 0) {
        if (!segment.endsWith("]")) {
          throw new PathException("unclosed '[' in segment '" + segment + "'");
        }
        String selector = segment.substring(b + 1, segment.length() - 1);
        if (!(cur instanceof List<?> list)) {
          throw new PathException("'" + name + "' is not an array (path " + path + ")");
        }
        cur = select(list, selector, path);
      }
    }
    return cur;
  }

  /** The number at {@code path}; a JSON null gives NaN. */
  public static double number(Object root, String path) {
    Object v = resolve(root, path);
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new PathException("not a number at " + path + ": " + v);
  }

  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : path.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
      if (c == '.' && depth == 0) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static Object select(List<?> list, String selector, String path) {
    if (selector.matches("\\d+")) {
      int i = Integer.parseInt(selector);
      if (i >= list.size()) {
        throw new PathException("index " + i + " out of range (" + list.size() + " elements) in " + path);
      }
      return list.get(i);
    }
    List<String[]> conditions = new ArrayList<>();
    for (String part : selector.split(",(?=[A-Za-z_][A-Za-z0-9_]*=)")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new PathException("selector '" + part + "' is not key=value (path " + path + ")");
      }
      conditions.add(new String[] {part.substring(0, eq), part.substring(eq + 1)});
    }
    Object found = null;
    int matches = 0;
    for (Object element : list) {
      if (element instanceof Map<?, ?> m && conditions.stream().allMatch(c -> m.containsKey(c[0])
          && c[1].equals(text(m.get(c[0]))))) {
        found = element;
        matches++;
      }
    }
    if (matches != 1) {
      throw new PathException((matches == 0 ? "no element" : matches + " elements") + " matching [" + selector
          + "] (path " + path + ")");
    }
    return found;
  }

  private static String text(Object v) {
    if (v instanceof Double d && Double.isFinite(d)) {
      return org.trialstat.model.Numbers.shortest(d);
    }
    return String.valueOf(v);
  }

  private static String describe(Object v) {
    if (v instanceof Map<?, ?> m) {
      return "an object with keys " + m.keySet();
    }
    return v == null ? "null" : v.getClass().getSimpleName();
  }
}
