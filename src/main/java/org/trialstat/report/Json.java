package org.trialstat.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.trialstat.model.Numbers;

/**
 * JSON trees and their serializer (jackson-core's streaming generator). A tree is built from
 * {@link LinkedHashMap} objects (key order is output order), {@link List} arrays, {@link String},
 * {@link Boolean}, {@link Integer}/{@link Long} and {@link Double} values, and null.
 *
 * <p>The layout is part of the output contract (docs/output.md): two-space indentation, {@code "key": value},
 * one element per line, {@code []} and {@code {}} for empty containers, a final newline. Doubles are
 * printed by {@link Numbers#shortest(double)} (the shortest round-trip form); NaN and infinities as
 * {@code null}, never as invalid JSON. Control characters other than {@code \b \t \n \f \r}, and U+2028 /
 * U+2029, are escaped as lower-case {@code \}{@code u00xx}.
 */
public final class Json {

  private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new Escapes());

  private Json() {
  }

  /** A new, ordered JSON object. */
  public static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /** A JSON array with one node per item, in the items' order; {@code node} builds each. */
  static <T> List<Object> array(Collection<? extends T> items, Function<? super T, ?> node) {
    List<Object> out = new ArrayList<>(items.size());
    for (T item : items) {
      out.add(node.apply(item));
    }
    return out;
  }

  /** An object of key-value pairs in order: {@code object("arm", a, "n", 3)}. */
  public static Map<String, Object> object(Object... keysAndValues) {
    return put(new LinkedHashMap<>(), keysAndValues);
  }

  /**
   * Appends key-value pairs to an object, in order (a key already there keeps its place and takes the new
   * value), and returns the object: the fields of one record as one table of keys and values.
   */
  static Map<String, Object> put(Map<String, Object> o, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    for (int i = 0; i < keysAndValues.length; i += 2) {
      o.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return o;
  }

  /** Serializes a tree with two-space indentation and a final newline. */
  public static String write(Object tree) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(tree, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Serializes a tree as UTF-8 to a stream, which is flushed, not closed. */
  public static void write(Object tree, OutputStream out) throws IOException {
    writeNested(tree, out, 0);
    out.write('\n');
  }

  /**
   * Serializes a tree as the value of an enclosing container at nesting {@code depth} (its inner lines
   * indented by {@code depth + 1} levels), without a final newline: for arrays streamed element by element.
   */
  static void writeNested(Object tree, OutputStream out, int depth) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new Layout(depth));
      value(tree, g);
    }
  }

  private static void value(Object v, JsonGenerator g) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Double d) {
      number(d, g);
    } else if (v instanceof Float f) {
      number(f.doubleValue(), g);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(e.getValue(), g);
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        value(o, g);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass());
    }
  }

  private static void number(double d, JsonGenerator g) throws IOException {
    if (Double.isFinite(d)) {
      g.writeNumber(Numbers.shortest(d));
    } else {
      g.writeNull();
    }
  }

  /**
   * trialstat's JSON layout: one value per line, two spaces per level, {@code ": "} after a key, {@code {}}
   * and {@code []} for empty containers; jackson's {@link DefaultPrettyPrinter} so configured, starting at
   * a given nesting depth (for arrays streamed element by element).
   */
  private static final class Layout extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;
    private static final Separators SEPARATORS = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEntrySpacing(Separators.Spacing.NONE)
        .withArrayValueSpacing(Separators.Spacing.NONE)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("")
        .withRootSeparator("\n");
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    Layout(int depth) {
      super(SEPARATORS);
      _objectIndenter = INDENT;
      _arrayIndenter = INDENT;
      _nesting = depth;
    }
  }

  /** Lower-case {@code \}{@code u00xx} for control characters, as the format always had; U+2028/9 escaped. */
  private static final class Escapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    Escapes() {
      for (int c = 0; c < 0x20; c++) {
        if (c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
          ascii[c] = ESCAPE_CUSTOM;
        }
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }
}
