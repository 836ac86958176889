package org.trialstat.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.trialstat.model.Printable;
import org.trialstat.model.Provenance;

/**
 * The one rendering rule of the commands that give one result per input file ({@code analyze},
 * {@code mmrm}), written as results arrive: JSON is one object for one file and an array for several
 * (each element with {@code status} ok or error), CSV/TSV one tidy table of every good file's rows (errors
 * go to standard error only), tables one block per file separated by a blank line, an error block in
 * place of a failed file. With provenance, JSON objects end with a {@code provenance} block and table
 * blocks with a provenance line.
 *
 * @param <R> the result type
 */
public final class PerFileOutput<R> {
  private final OutputFormat format;
  private final String command;
  private final Function<R, Map<String, Object>> tree;
  private final Function<R, List<TidyRow>> tidy;
  private final BiFunction<R, Boolean, String> table;
  private OutputStream out;
  private boolean array;
  private int written;

  /**
   * @param command the command name, for the heading of an error block
   * @param tree    a result's JSON object
   * @param tidy    a result's tidy rows
   * @param table   a result's table block; the flag is true for Markdown
   */
  PerFileOutput(OutputFormat format, String command, Function<R, Map<String, Object>> tree,
      Function<R, List<TidyRow>> tidy, BiFunction<R, Boolean, String> table) {
    this.format = format;
    this.command = command;
    this.tree = tree;
    this.tidy = tidy;
    this.table = table;
  }

  /** Starts the output; {@code array} makes JSON an array (several files, or asked for). */
  public void begin(OutputStream stream, boolean asArray) throws IOException {
    this.out = stream;
    this.array = asArray;
    this.written = 0;
    if (format == OutputFormat.JSON && array) {
      out.write('[');
    } else if (format == OutputFormat.CSV || format == OutputFormat.TSV) {
      text(tidy(List.of(), format));
    }
  }

  /** One file's result, with its provenance or null. */
  public void ok(R result, Provenance provenance) throws IOException {
    switch (format) {
      case JSON -> {
        Map<String, Object> o = tree.apply(result);
        if (array) {
          o = withStatus(o, "ok");
        }
        if (provenance != null) {
          o.put("provenance", ProvenanceTree.of(provenance));
        }
        element(o);
      }
      case CSV, TSV -> {
        String rows = tidy(tidy.apply(result), format);
        text(rows.substring(rows.indexOf('\n') + 1)); // the header was written by begin
      }
      default -> {
        separate();
        String block = table.apply(result, format == OutputFormat.MARKDOWN);
        document(provenance == null ? block : block + ProvenanceTree.line(provenance, format == OutputFormat.MARKDOWN));
      }
    }
    written++;
  }

  /** One file's error, in place of its result (CSV/TSV: nothing; the caller reports it on stderr). */
  public void error(FileError e) throws IOException {
    switch (format) {
      case JSON -> {
        Map<String, Object> o = Json.object();
        o.put("file", e.file());
        o.put("status", "error");
        o.put("exit_code", e.exitCode());
        o.put("message", e.message());
        if (e.line() > 0) {
          o.put("line", e.line());
        }
        if (e.column() > 0) {
          o.put("column", e.column());
        }
        element(o);
      }
      case CSV, TSV -> { }
      default -> {
        separate();
        StringBuilder sb = new StringBuilder();
        TextTable.heading(sb, "trialstat " + command + ": " + e.file(), format == OutputFormat.MARKDOWN);
        sb.append("ERROR (exit ").append(e.exitCode()).append("): ").append(Printable.escape(e.message())).append('\n');
        document(sb.toString());
      }
    }
    written++;
  }

  /** Ends the output. */
  public void end() throws IOException {
    if (format == OutputFormat.JSON && array) {
      text(written == 0 ? "]\n" : "\n]\n");
    }
    out.flush();
  }

  private void element(Map<String, Object> o) throws IOException {
    if (array) {
      text(written == 0 ? "\n  " : ",\n  ");
      Json.writeNested(o, out, 1);
    } else {
      Json.write(o, out);
    }
  }

  private void separate() throws IOException {
    if (written > 0) {
      out.write('\n');
    }
  }

  /** A table or Markdown block: controls, bidi and invisible characters escaped, lines kept. */
  private void document(String s) throws IOException {
    text(Printable.escapeKeepingLines(s));
  }

  private void text(String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> withStatus(Map<String, Object> o, String status) {
    Map<String, Object> m = Json.object();
    boolean placed = false;
    for (Map.Entry<String, Object> e : o.entrySet()) {
      m.put(e.getKey(), e.getValue());
      if (!placed && e.getKey().equals("file")) {
        m.put("status", status);
        placed = true;
      }
    }
    if (!placed) {
      m.put("status", status);
    }
    return m;
  }

  /** Every result at once, without provenance (tests and in-memory use). */
  Output all(List<R> results, boolean alwaysArray) {
    return stream -> {
      begin(stream, alwaysArray || results.size() != 1);
      for (R r : results) {
        ok(r, null);
      }
      end();
    };
  }

  /** The JSON tree: one object for one result (unless {@code alwaysArray}), else an array. */
  static <R> Object tree(List<R> results, boolean alwaysArray, Function<R, Map<String, Object>> tree) {
    if (results.size() == 1 && !alwaysArray) {
      return tree.apply(results.get(0));
    }
    List<Object> list = new ArrayList<>();
    for (R r : results) {
      list.add(tree.apply(r));
    }
    return list;
  }

  /** Tidy rows as CSV or TSV, header first. */
  static String tidy(List<TidyRow> rows, OutputFormat format) {
    StringBuilder sb = new StringBuilder();
    switch (format) {
      case CSV -> DelimitedWriter.CSV.write(rows, sb);
      case TSV -> DelimitedWriter.TSV.write(rows, sb);
      default -> throw new IllegalArgumentException(format + " is not a tidy format");
    }
    return sb.toString();
  }
}
