package org.trialstat.report;

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
  /** The JSON tree that {@link OutputFormat#JSON} prints. */
  public static Object tree(List<AnalysisResult> results, boolean alwaysArray) {
    return PerFileOutput.tree(results, alwaysArray, ResultTree::of);
  }

  public static Output render(List<AnalysisResult> results, OutputFormat format, boolean alwaysArray) {
    return PerFileOutput.render(results, format, alwaysArray, ResultTree::of, TidyRows::of,
        (r, markdown) -> (markdown ? TableReport.MARKDOWN : TableReport.PLAIN).render(r));
  }
}
