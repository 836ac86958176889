package org.trialstat.report;

import org.trialstat.model.MetaResult;

/** Renders a {@code meta} result in any {@link OutputFormat}. */
public final class MetaWriter {

  private MetaWriter() {
  }

  /** The JSON tree that {@link OutputFormat#JSON} prints. */
  public static Object tree(MetaResult result) {
    return MetaTree.of(result);
  }

  /** JSON: one object ({@link MetaTree}); CSV/TSV: tidy rows ({@link MetaTidyRows}); tables: {@link MetaTables}. */
  public static Output render(MetaResult result, OutputFormat format) {
    return switch (format) {
      case JSON -> {
        Object tree = MetaTree.of(result);
        yield out -> Json.write(tree, out);
      }
      case CSV, TSV -> Output.text(PerFileOutput.tidy(MetaTidyRows.of(result), format));
      case TABLE -> Output.text(MetaTables.render(result, false));
      case MARKDOWN -> Output.text(MetaTables.render(result, true));
    };
  }
}
