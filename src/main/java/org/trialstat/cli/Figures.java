package org.trialstat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.trialstat.io.OutputFiles;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Provenance;
import org.trialstat.report.figure.Plot;
import org.trialstat.report.figure.PlotKind;
import org.trialstat.report.figure.ResultReport;

/** The figure and report files of {@code analyze --plot/--report}, {@code plot} and {@code report}. */
final class Figures {

  private Figures() {
  }

  /** One {@code --plot KIND=FILE}. */
  record Target(String kind, Path file) {
  }

  /** A drawn figure and where it goes. */
  record Written(Plot plot, Path file) {
  }

  /** Parses the {@code --plot} values of {@code analyze} (before any analysis, so that a typo fails fast). */
  static List<Target> targets(List<String> specs) {
    return targets(specs, PlotKind::check, PlotKind.KINDS);
  }

  /**
   * Parses {@code --plot KIND=FILE} values.
   *
   * @param check returns the kind's canonical name, or throws {@link InvalidOptionException}
   * @param kinds the kinds, for the message
   */
  static List<Target> targets(List<String> specs, UnaryOperator<String> check, String kinds) {
    List<Target> out = new ArrayList<>();
    for (String s : specs) {
      int eq = s.indexOf('=');
      if (eq <= 0 || eq == s.length() - 1) {
        throw new InvalidOptionException("--plot " + s + ": expected KIND=FILE, for example forest=forest.svg; "
            + "KIND: " + kinds);
      }
      out.add(new Target(check.apply(s.substring(0, eq)), svgFile("--plot " + s, Path.of(s.substring(eq + 1)))));
    }
    return out;
  }

  /**
   * Refuses a {@code .png} target: the figures are SVG only (docs/figures.md says why no PNG).
   *
   * @return the file
   */
  static Path svgFile(String option, Path file) {
    if (file != null && file.getFileName() != null
        && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
      throw new InvalidOptionException(option + ": figures are written as SVG only (no PNG renderer with a bundled "
          + "font; docs/figures.md); name an .svg file");
    }
    return file;
  }

  /** Draws every figure (all of them, before anything is written). */
  static List<Written> draw(List<Target> targets, List<ResultReport.Input> inputs) {
    List<Written> out = new ArrayList<>();
    for (Target t : targets) {
      out.add(new Written(PlotKind.of(t.kind(), inputs), t.file()));
    }
    return out;
  }

  /** Writes the figures as SVG, each atomically. */
  static void write(List<Written> figures, List<Path> inputs) {
    for (Written w : figures) {
      OutputFiles.writeAtomically(w.file(), w.plot()::writeSvg, inputs);
    }
  }

  /** Writes the HTML report atomically. */
  static void writeReport(Path target, List<ResultReport.Input> inputs, Provenance provenance, List<Path> files) {
    OutputFiles.writeAtomically(target, ResultReport.of(inputs, provenance)::write, files);
  }
}
