package org.trialstat.report;

import org.trialstat.model.SummaryResult;

/** Renders a {@code summary} result in any {@link OutputFormat}. */
public final class SummaryWriter {

  private SummaryWriter() {
  }

  /** The JSON tree that {@link OutputFormat#JSON} prints. */
  public static Object tree(SummaryResult result) {
    return SummaryTree.of(result);
  }

  /**
   * JSON: one object for all studies; CSV/TSV: the tidy table of {@code analyze} with {@code study}
   * filled; table/markdown: the given layout.
   */
  public static Output render(SummaryResult result, OutputFormat format, SummaryLayout layout) {
    switch (format) {
      case JSON:
        Object tree = SummaryTree.of(result);
        return out -> Json.write(tree, out);
      case CSV:
      case TSV:
        return Output.text(PerFileOutput.tidy(TidyRows.of(result), format));
      case TABLE:
        return Output.text(SummaryTables.PLAIN.render(result, layout));
      case MARKDOWN:
        return Output.text(SummaryTables.MARKDOWN.render(result, layout));
      default:
        throw new IllegalArgumentException(format.toString());
    }
  }
}
