package org.trialstat.report;

import org.trialstat.model.MetaResult;

/** Renders a {@code meta} result in any {@link OutputFormat}. */
public final class MetaWriter {

  private MetaWriter() {
  }

  /** JSON: one object ({@link MetaTree}); CSV/TSV: tidy rows ({@link MetaTidyRows}); tables: {@link MetaTables}. */
  public static String render(MetaResult result, OutputFormat format) {
    return switch (format) {
      case JSON -> Json.write(MetaTree.of(result));
      case CSV, TSV -> PerFileOutput.tidy(MetaTidyRows.of(result), format);
      case TABLE -> MetaTables.render(result, false);
      case MARKDOWN -> MetaTables.render(result, true);
    };
  }
}
