package org.trialstat.report;

import java.util.Map;
import org.trialstat.model.Provenance;

/** The {@code provenance} block of every JSON result and the provenance line that ends every table. */
public final class ProvenanceTree {

  private ProvenanceTree() {
  }

  /** {@code {trialstat_version, git_commit, command_line, inputs: [{path, size, sha256}], time_utc}}. */
  static Map<String, Object> of(Provenance p) {
    return Json.object("trialstat_version", p.version(), "git_commit", p.commit(), "command_line", p.commandLine(),
        "inputs", Json.array(p.inputs(),
            in -> Json.object("path", in.path(), "size", in.size() < 0 ? null : in.size(), "sha256", in.sha256())),
        "time_utc", p.timeUtc());
  }

  /** One line: version, commit, inputs with the first 12 hex digits of their SHA-256, time. */
  public static String line(Provenance p, boolean markdown) {
    StringBuilder sb = new StringBuilder(markdown ? "\n- " : "\n");
    sb.append("Provenance: trialstat ").append(p.version());
    if (p.commit() != null) {
      sb.append(" (commit ").append(p.commit()).append(')');
    }
    for (Provenance.Input in : p.inputs()) {
      sb.append("; ").append(in.path());
      if (in.sha256() != null) {
        sb.append(" sha256 ").append(in.sha256(), 0, 12);
      }
    }
    sb.append("; ").append(p.timeUtc() == null ? "reproducible run (no time)" : p.timeUtc()).append(".\n");
    return sb.toString();
  }
}
