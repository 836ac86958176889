package org.trialstat.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.DataException;
import org.trialstat.model.SummaryInput;

/**
 * Reads trialstat's own JSON results ({@code analyze --format json} or {@code summary --format json}:
 * one object, or the array of per-file objects that {@code analyze} writes for several files) as the
 * arm-level input of {@code meta}: per study and arm the change from baseline ({@code change.n},
 * {@code mean}, {@code sd}) and the binary endpoints ({@code events}, {@code n}), the numbers behind
 * each comparison. The study of an {@code analyze} result is its file name without folders and
 * extension; of a {@code summary} result, each arm's {@code study}. The control arm is
 * {@code settings.control} ({@code analyze}) or the arms' {@code control} flag ({@code summary}).
 *
 * <p>Only the keys named above are read (docs/output.md); provenance and the rest are ignored. A file
 * that is JSON but not such a result, or an arm without {@code arm}, is a {@link DataException} naming
 * the file and the JSON path.
 */
public final class ResultJsonReader {

  /** Larger files are refused: a results file of many studies is well below this. */
  static final int MAX_BYTES = 64 << 20;

  private ResultJsonReader() {
  }

  /** True when the file's first non-blank character opens a JSON object or array. */
  public static boolean isJson(Path path, String displayName) {
    try (InputStream in = InputFiles.open(path, displayName)) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
      return c == '{' || c == '[';
    } catch (IOException e) {
      return false; // the CSV reader says why it cannot be read
    }
  }

  /**
   * Reads a results file.
   *
   * @throws DataException when it is not valid JSON or not a trialstat analyze/summary result
   */
  public static SummaryInput read(Path path, String displayName) {
    Object tree;
    try (InputStream in = InputFiles.open(path, displayName);
        JsonParser p = new JsonFactory().createParser(in.readNBytes(MAX_BYTES))) {
      p.nextToken();
      tree = value(p);
      if (p.nextToken() != null) {
        throw new DataException(displayName, p.currentLocation().getLineNr(), 0, "text after the JSON value");
      }
    } catch (IOException e) {
      throw new DataException(displayName, 0, 0, "not valid JSON (" + GuardedReader.oneLine(
          String.valueOf(e.getMessage())) + "); expected the output of analyze or summary --format json");
    }
    List<SummaryInput.Row> rows = new ArrayList<>();
    if (tree instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        result(displayName, "[" + i + "]", list.get(i), rows);
      }
    } else {
      result(displayName, "", tree, rows);
    }
    return new SummaryInput(displayName, rows);
  }

  private static void result(String file, String at, Object node, List<SummaryInput.Row> rows) {
    Map<?, ?> r = node instanceof Map<?, ?> m ? m : null;
    if (r == null || !(r.get("arms") instanceof List<?> arms)) {
      throw new DataException(file, 0, 0, "JSON" + at + ": no 'arms' list; expected the output of analyze or summary "
          + "--format json (docs/output.md)");
    }
    boolean summary = r.get("studies") instanceof List<?>;
    Map<String, String> years = new LinkedHashMap<>();
    if (summary) {
      for (Object s : (List<?>) r.get("studies")) {
        if (s instanceof Map<?, ?> st && st.get("study") instanceof String name && st.get("year") instanceof String y) {
          years.put(name, y);
        }
      }
    }
    String control = r.get("settings") instanceof Map<?, ?> s && s.get("control") instanceof String c ? c : null;
    String study = r.get("file") instanceof String f ? stem(f) : stem(file);
    for (int i = 0; i < arms.size(); i++) {
      String path = at + ".arms[" + i + "]";
      if (!(arms.get(i) instanceof Map<?, ?> a) || !(a.get("arm") instanceof String arm)) {
        throw new DataException(file, 0, 0, "JSON" + path + ": expected an object with an 'arm' name");
      }
      String name = summary ? text(a.get("study"), study) : study;
      Boolean isControl = summary ? (a.get("control") instanceof Boolean b ? b : null)
          : control == null ? null : arm.equals(control);
      Map<?, ?> change = a.get("change") instanceof Map<?, ?> m ? m : Map.of();
      List<SummaryInput.Events> events = new ArrayList<>();
      for (BinaryEndpoint b : BinaryEndpoint.values()) {
        if (a.get(b.key()) instanceof Map<?, ?> e && e.get("events") instanceof Double k && e.get("n") instanceof Double n) {
          events.add(new SummaryInput.Events(b, k.intValue(), n.intValue()));
        }
      }
      double n = number(change.get("n"));
      rows.add(new SummaryInput.Row(0, name, arm, Double.isNaN(n) ? SummaryInput.NOT_REPORTED : (int) n,
          SummaryInput.NOT_REPORTED, number(change.get("mean")), number(change.get("sd")), Double.NaN, Double.NaN,
          Double.NaN, false, Double.NaN, Double.NaN, isControl, events, null, years.get(name), null, null));
    }
  }

  /**
   * Checks that a file's results carry the endpoint that {@code meta} pools.
   *
   * @param endpoint the binary endpoint, or null for the change from baseline
   * @throws DataException naming the file and the missing key when no arm has it
   */
  public static void require(SummaryInput in, BinaryEndpoint endpoint) {
    boolean any = in.rows().stream().anyMatch(r -> endpoint == null
        ? r.n() > 0 && Double.isFinite(r.changeMean()) && Double.isFinite(r.changeSd())
        : r.events().stream().anyMatch(e -> e.endpoint() == endpoint));
    if (!any) {
      String key = endpoint == null ? "change (n, mean, sd)" : endpoint.key() + " (events, n)";
      throw new DataException(in.source(), 0, 0, "no arm of these results has " + key + "; "
          + (endpoint == null ? "expected arms[].change from analyze or summary" : "the results report no "
              + endpoint.key() + " (analyze: see --remission-max, --response-drop; summary: the input's event columns); "
              + "choose another --outcome"));
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> m = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String k = p.currentName();
        p.nextToken();
        m.put(k, value(p));
      }
      return m;
    }
    if (t == JsonToken.START_ARRAY) {
      List<Object> l = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        l.add(value(p));
      }
      return l;
    }
    if (t == null) {
      throw new IOException("empty file");
    }
    return switch (t) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_STRING -> p.getText();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  private static double number(Object o) {
    return o instanceof Double d ? d : Double.NaN;
  }

  private static String text(Object o, String otherwise) {
    return o instanceof String s ? s : otherwise;
  }

  private static String stem(String file) {
    String name = file.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
