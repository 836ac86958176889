package org.trialstat.report;

import java.util.Map;
import org.trialstat.model.Provenance;

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
    return render(result, format, layout, null);
  }

  /** As {@link #render(SummaryResult, OutputFormat, SummaryLayout)}, with provenance (or null). */
  public static Output render(SummaryResult result, OutputFormat format, SummaryLayout layout,
      Provenance provenance) {
    switch (format) {
      case JSON:
        Map<String, Object> tree = SummaryTree.of(result);
        if (provenance != null) {
          tree.put("provenance", ProvenanceTree.of(provenance));
        }
        return out -> Json.write(tree, out);
      case CSV:
      case TSV:
        return Output.text(PerFileOutput.tidy(TidyRows.of(result), format));
      case TABLE:
        return Output.document(SummaryTables.PLAIN.render(result, layout) + footer(provenance, false));
      case MARKDOWN:
        return Output.document(SummaryTables.MARKDOWN.render(result, layout) + footer(provenance, true));
      default:
        throw new IllegalArgumentException(format.toString());
    }
  }

  private static String footer(Provenance provenance, boolean markdown) {
    return provenance == null ? "" : ProvenanceTree.line(provenance, markdown);
  }
}
