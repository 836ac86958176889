package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one rendering rule of the commands that give one result per input file ({@code analyze},
 * {@code mmrm}): JSON is one object for one file and an array for several (or always an array when
 * asked), CSV/TSV one tidy table of every file's rows, tables one block per file separated by a blank
 * line.
 */
final class PerFileOutput {

  private PerFileOutput() {
  }

  /**
   * @param tree  a result's JSON object
   * @param tidy  a result's tidy rows
   * @param table a result's table block; the flag is true for Markdown
   */
  static <R> Output render(List<R> results, OutputFormat format, boolean alwaysArray,
      Function<R, Map<String, Object>> tree, Function<R, List<TidyRow>> tidy, BiFunction<R, Boolean, String> table) {
    switch (format) {
      case JSON: {
        Object json = tree(results, alwaysArray, tree);
        return out -> Json.write(json, out);
      }
      case CSV:
      case TSV: {
        List<TidyRow> rows = new ArrayList<>();
        for (R r : results) {
          rows.addAll(tidy.apply(r));
        }
        return Output.text(tidy(rows, format));
      }
      case MARKDOWN:
      case TABLE: {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
          if (i > 0) {
            sb.append('\n');
          }
          sb.append(table.apply(results.get(i), format == OutputFormat.MARKDOWN));
        }
        return Output.text(sb.toString());
      }
      default:
        throw new IllegalArgumentException(format.toString());
    }
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

  /** Tidy rows as CSV or TSV. */
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
