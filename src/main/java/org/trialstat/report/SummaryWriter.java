package org.trialstat.report;

import org.trialstat.model.SummaryResult;

/** Renders a {@code summary} result in any {@link OutputFormat}. */
public final class SummaryWriter {

  private SummaryWriter() {
  }

  /**
   * JSON: one object for all studies; CSV/TSV: the tidy table of {@code analyze} with {@code study}
   * filled; table/markdown: the given layout.
   */
  public static String render(SummaryResult result, OutputFormat format, SummaryLayout layout) {
    switch (format) {
      case JSON:
        return Json.write(SummaryTree.of(result));
      case CSV:
      case TSV:
        return PerFileOutput.tidy(SummaryTidyRows.of(result), format);
      case TABLE:
        return SummaryTables.PLAIN.render(result, layout);
      case MARKDOWN:
        return SummaryTables.MARKDOWN.render(result, layout);
      default:
        throw new IllegalArgumentException(format.toString());
    }
  }
}
