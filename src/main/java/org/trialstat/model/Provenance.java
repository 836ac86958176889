package org.trialstat.model;

import java.util.List;

/**
 * What produced a result: trialstat's version and git commit, the command line as typed, every input
 * with its size and SHA-256, and the time of the run (UTC, ISO 8601), or null when the run is
 * reproducible ({@code --reproducible} without {@code SOURCE_DATE_EPOCH}).
 *
 * @param version     trialstat's version
 * @param commit      the git commit it was built from, or null when not built from a checkout
 * @param commandLine the command line, words quoted as a shell would need them
 * @param inputs      the inputs of the result
 * @param timeUtc     the time of the run, or null
 */
public record Provenance(String version, String commit, String commandLine, List<Input> inputs, String timeUtc) {

  public Provenance {
    inputs = List.copyOf(inputs);
  }

  /**
   * One input file.
   *
   * @param path   the path as given
   * @param size   its size in bytes
   * @param sha256 its SHA-256, lower-case hex
   */
  public record Input(String path, long size, String sha256) {
  }

  /** The same provenance with only the inputs of one result. */
  public Provenance withInputs(List<Input> only) {
    return new Provenance(version, commit, commandLine, only, timeUtc);
  }
}
