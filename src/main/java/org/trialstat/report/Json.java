package org.trialstat.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.Numbers;

/**
 * A minimal JSON tree and serializer. A tree is built from {@link LinkedHashMap} objects (key order is
 * output order), {@link List} arrays, {@link String}, {@link Boolean}, {@link Integer}/{@link Long}
 * and {@link Double} values, and null. Doubles are printed by {@link Numbers#shortest(double)}; NaN and
 * infinities are printed as {@code null}, never as invalid JSON.
 */
public final class Json {

  private Json() {
  }

  /** A new, ordered JSON object. */
  public static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /** Serializes a tree with two-space indentation and a final newline. */
  public static String write(Object tree) {
    StringBuilder sb = new StringBuilder();
    write(tree, sb, 0);
    return sb.append('\n').toString();
  }

  /** Serializes a tree to an appendable. */
  public static void write(Object tree, Appendable out) {
    try {
      out.append(write(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Object v, StringBuilder sb, int indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(s, sb);
    } else if (v instanceof Double d) {
      sb.append(Double.isFinite(d) ? Numbers.shortest(d) : "null");
    } else if (v instanceof Float f) {
      write(f.doubleValue(), sb, indent);
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "\n" : ",\n");
        first = false;
        pad(sb, indent + 1);
        string(String.valueOf(e.getKey()), sb);
        sb.append(": ");
        write(e.getValue(), sb, indent + 1);
      }
      sb.append('\n');
      pad(sb, indent);
      sb.append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      boolean first = true;
      for (Object o : l) {
        sb.append(first ? "\n" : ",\n");
        first = false;
        pad(sb, indent + 1);
        write(o, sb, indent + 1);
      }
      sb.append('\n');
      pad(sb, indent);
      sb.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private static void pad(StringBuilder sb, int indent) {
    for (int i = 0; i < indent; i++) {
      sb.append("  ");
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
