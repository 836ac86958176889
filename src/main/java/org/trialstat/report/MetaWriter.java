package org.trialstat.report;

import java.util.Map;
import org.trialstat.model.MetaResult;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.Provenance;

/** Renders a {@code meta} result in any {@link OutputFormat}. */
public final class MetaWriter {

  private MetaWriter() {
  }

  /** The JSON tree that {@link OutputFormat#JSON} prints (without provenance). */
  public static Object tree(MetaResult result) {
    return MetaTree.of(result);
  }

  /**
   * JSON: one object ({@link MetaTree}) with the {@code provenance} block; CSV/TSV: tidy rows
   * ({@link MetaTidyRows}); tables: {@link MetaTables} and the provenance line.
   *
   * @param provenance the run's provenance, or null for none
   */
  public static Output render(MetaResult result, OutputFormat format, Provenance provenance) {
    return switch (format) {
      case JSON -> {
        Map<String, Object> tree = MetaTree.of(result);
        if (provenance != null) {
          tree.put(MetaKeys.PROVENANCE, ProvenanceTree.of(provenance));
        }
        yield out -> Json.write(tree, out);
      }
      case CSV, TSV -> Output.text(PerFileOutput.tidy(MetaTidyRows.of(result), format));
      case TABLE -> Output.document(MetaTables.render(result, false) + footer(provenance, false));
      case MARKDOWN -> Output.document(MetaTables.render(result, true) + footer(provenance, true));
    };
  }

  /** The name of an effect measure in words, as the table heading prints it ("risk ratio"). */
  public static String measureLabel(MetaSettings.Measure measure) {
    return MetaTables.measureLabel(measure);
  }

  private static String footer(Provenance provenance, boolean markdown) {
    return provenance == null ? "" : ProvenanceTree.line(provenance, markdown);
  }
}
