package org.trialstat.report;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.AnalysisResult;

/** Renders {@code analyze} results in any {@link OutputFormat}. */
public final class AnalysisWriter {

  private AnalysisWriter() {
  }

  /**
   * Renders results of one or more files. JSON: one object for one file, an array for several; CSV/TSV:
   * one table; tables: one block per file.
   */
  public static String render(List<AnalysisResult> results, OutputFormat format, boolean alwaysArray) {
    switch (format) {
      case JSON: {
        if (results.size() == 1 && !alwaysArray) {
          return Json.write(ResultTree.of(results.get(0)));
        }
        List<Object> list = new ArrayList<>();
        for (AnalysisResult r : results) {
          list.add(ResultTree.of(r));
        }
        return Json.write(list);
      }
      case CSV:
      case TSV: {
        List<TidyRow> rows = new ArrayList<>();
        for (AnalysisResult r : results) {
          rows.addAll(TidyRows.of(r));
        }
        StringBuilder sb = new StringBuilder();
        (format == OutputFormat.CSV ? DelimitedWriter.CSV : DelimitedWriter.TSV).write(rows, sb);
        return sb.toString();
      }
      case MARKDOWN:
      case TABLE: {
        StringBuilder sb = new StringBuilder();
        TableReport style = format == OutputFormat.TABLE ? TableReport.PLAIN : TableReport.MARKDOWN;
        for (int i = 0; i < results.size(); i++) {
          if (i > 0) {
            sb.append('\n');
          }
          sb.append(style.render(results.get(i)));
        }
        return sb.toString();
      }
      default:
        throw new IllegalArgumentException(format.toString());
    }
  }
}
