package org.trialstat.model;

import java.util.List;

/**
 * A study's analysis plan for {@code trialstat run} (docs/usage.md, schema docs/plan.schema.json).
 *
 * @param source   the plan file as given
 * @param files    default input files, relative to the plan's folder
 * @param options  options every analysis starts with
 * @param analyses the analyses in plan order
 */
public record Plan(String source, List<String> files, List<String> options, List<Analysis> analyses) {

  public Plan {
    files = List.copyOf(files);
    options = List.copyOf(options);
    analyses = List.copyOf(analyses);
  }

  /**
   * One named analysis.
   *
   * @param name      its name, used in output file names
   * @param command   the trialstat command
   * @param defaults  whether the plan's default options and files apply (key {@code defaults}, default true)
   * @param options   its options, after the defaults'
   * @param files     its input files, or null for the defaults'
   * @param formats   the output formats (default json)
   * @param subgroups {@code --where} expressions, each repeating the analysis on a subgroup; empty for none
   * @param line      the plan line of its {@code [[analysis]]} table, for messages
   */
  public record Analysis(String name, String command, boolean defaults, List<String> options, List<String> files,
      List<String> formats, List<String> subgroups, long line) {

    public Analysis {
      options = List.copyOf(options);
      files = files == null ? null : List.copyOf(files);
      formats = List.copyOf(formats);
      subgroups = List.copyOf(subgroups);
    }
  }
}
