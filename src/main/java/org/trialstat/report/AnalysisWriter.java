package org.trialstat.report;

import java.util.List;
import org.trialstat.model.AnalysisResult;

/** Renders {@code analyze} results in any {@link OutputFormat}. */
public final class AnalysisWriter {

  /** The command whose results this writes (its name in headings, and picocli's name of the command). */
  public static final String COMMAND = "analyze";

  private AnalysisWriter() {
  }

  /** The JSON tree that {@link OutputFormat#JSON} prints. */
  public static Object tree(List<AnalysisResult> results, boolean alwaysArray) {
    return PerFileOutput.tree(results, alwaysArray, ResultTree::of);
  }

  /** The streaming writer of {@code analyze} results, one file at a time. */
  public static PerFileOutput<AnalysisResult> perFile(OutputFormat format) {
    return new PerFileOutput<>(format, COMMAND, ResultTree::of, TidyRows::of,
        (r, markdown) -> (markdown ? TableReport.MARKDOWN : TableReport.PLAIN).render(r));
  }

  /**
   * Renders results of one or more files. JSON: one object for one file, an array for several; CSV/TSV:
   * one table; tables: one block per file.
   */
  public static Output render(List<AnalysisResult> results, OutputFormat format, boolean alwaysArray) {
    return perFile(format).all(results, alwaysArray);
  }
}
