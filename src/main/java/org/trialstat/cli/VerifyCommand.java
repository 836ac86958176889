package org.trialstat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialstat.analysis.ClaimCheck;
import org.trialstat.io.ClaimsCsvReader;
import org.trialstat.io.OutputFiles;
import org.trialstat.model.Claim;
import org.trialstat.model.ClaimResult;
import org.trialstat.model.DataException;
import org.trialstat.report.AnalysisWriter;
import org.trialstat.report.ClaimReport;
import org.trialstat.report.JsonPath;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code trialstat verify}: checks published claims against what {@code analyze}, {@code summary} or
 * {@code meta} compute. Each claim's command is parsed by picocli as that command (so an output option is refused in
 * every spelling: {@code -o X}, {@code -oX}, {@code --output=X}, {@code -fjson}), its result tree computed
 * in-process ({@link TreeCommand}) and the claim's path resolved on it with {@link JsonPath}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Checks published claims (a CSV: file, command, statistic, expected, compare, tolerance, "
        + "source) against trialstat's results; prints PASS/FAIL per claim.",
        "Exit code 0 when every claim passes, 1 when any fails, 3 when the claims file or a claim is bad."})
public final class VerifyCommand implements Callable<Integer> {

  private static final String[] OUTPUT_OPTIONS = {"--format", "--output", "--files-from", "--plot", "--report"};

  /** Separates the data files of a {@code meta} claim in the file column. */
  static final String FILE_SEPARATOR = ";";

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "CLAIMS", arity = "1", description = "Claims CSV file.")
  Path claimsFile;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE (for CI).")
  Path junit;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Root folder of the claims' data files (default: the claims file's folder); a claim may name "
          + "files inside it only.")
  Path dataDir;

  /** A claim's command, parsed: the command object, or the parse error's message. */
  private record Parsed(String key, TreeCommand command, String error) {
  }

  @Override
  public Integer call() {
    String name = claimsFile.toString();
    List<Claim> claims = ClaimsCsvReader.read(claimsFile, name);
    // Validate every claim before running anything: a malformed claims file is an input error (exit 3).
    Path base = (dataDir != null ? dataDir : claimsFile.toAbsolutePath().getParent()).toAbsolutePath().normalize();
    List<ClaimCheck> checks = new ArrayList<>();
    List<Parsed> commands = new ArrayList<>();
    List<Path> inputs = new ArrayList<>(List.of(claimsFile));
    for (Claim c : claims) {
      checks.add(ClaimCheck.of(c));
      List<String> data = new ArrayList<>();
      String outside = null;
      for (String f : dataFiles(c)) {
        String why = DataRoot.outside(base, f);
        if (why != null) {
          outside = "data file '" + f + "' " + why;
          break;
        }
        Path path = base.resolve(f).normalize();
        inputs.add(path);
        data.add(path.toString());
      }
      commands.add(outside != null ? new Parsed(null, null, outside) : parse(c, data));
    }
    if (junit != null) {
      OutputFiles.check(junit, inputs, "--junit"); // before any claim runs: the report replaces no input
    }
    Map<String, Object> cache = new HashMap<>();
    List<ClaimResult> results = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      Parsed p = commands.get(i);
      Object tree = p.error() != null ? p.error() : cache.computeIfAbsent(p.key(), k -> run(p.command()));
      if (tree instanceof String error) {
        results.add(new ClaimResult(c, ClaimResult.Status.ERROR, Double.NaN, checks.get(i).accepted(),
            "'" + c.command() + "' on " + c.file() + " failed: " + error));
        continue;
      }
      double value;
      try {
        value = JsonPath.number(tree, c.statistic());
      } catch (JsonPath.PathException e) {
        results.add(new ClaimResult(c, ClaimResult.Status.ERROR, Double.NaN, checks.get(i).accepted(),
            "statistic: " + e.getMessage()));
        continue;
      }
      results.add(checks.get(i).check(c, value));
    }
    if (junit != null) {
      // Written before the report is printed: a --junit that cannot be written (a full disk, a folder that
      // takes no files) is a usage error on its own, not a line after a report that looks complete.
      String xml = ClaimReport.junit(name, results);
      OutputFiles.write(junit, out -> out.write(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), inputs,
          "--junit");
    }
    spec.commandLine().getOut().print(ClaimReport.text(results));
    spec.commandLine().getOut().flush();
    boolean error = results.stream().anyMatch(r -> r.status() == ClaimResult.Status.ERROR);
    boolean fail = results.stream().anyMatch(r -> r.status() == ClaimResult.Status.FAIL);
    return error ? ExitCode.DATA : fail ? ExitCode.VERIFICATION_FAILED : ExitCode.OK;
  }

  /**
   * The data files of a claim: its file cell, or for a {@code meta} claim the files the cell lists
   * separated by {@value #FILE_SEPARATOR} (the studies to pool).
   *
   * @throws DataException when a file is listed twice or empty, or several are given to another command
   */
  private static List<String> dataFiles(Claim c) {
    if (!c.file().contains(FILE_SEPARATOR)) {
      return List.of(c.file());
    }
    if (!c.command().strip().startsWith("meta")) {
      throw new DataException(c.claimsFile(), c.line(), 0, "file: several files (separated by '" + FILE_SEPARATOR
          + "') are for meta claims only; analyze and summary claims name one file");
    }
    List<String> out = new ArrayList<>();
    for (String f : c.file().split(FILE_SEPARATOR, -1)) {
      String name = f.strip();
      if (name.isEmpty() || out.contains(name)) {
        throw new DataException(c.claimsFile(), c.line(), 0, "file: '" + c.file() + "' has an empty or repeated "
            + "file name; expected FILE;FILE...");
      }
      out.add(name);
    }
    return out;
  }

  /**
   * Parses a claim's command as picocli parses it on the command line, with the data files as the FILE
   * arguments.
   *
   * @throws DataException when the command is not analyze/summary/meta, its quoting is broken, or it sets
   *                       an output option (verify keeps the results in memory)
   */
  private static Parsed parse(Claim c, List<String> dataFiles) {
    List<String> words;
    try {
      words = ShellWords.split(c.command());
    } catch (IllegalArgumentException e) {
      throw new DataException(c.claimsFile(), c.line(), c.commandColumn(), "command: " + e.getMessage());
    }
    TreeCommand command = words.isEmpty() ? null : switch (words.get(0)) {
      case AnalysisWriter.COMMAND -> new AnalyzeCommand();
      case "summary" -> new SummaryCommand();
      case "meta" -> new MetaCommand();
      default -> null;
    };
    if (command == null) {
      throw new DataException(c.claimsFile(), c.line(), c.commandColumn(),
          "command: expected analyze, summary or meta (optionally with options), got '" + c.command() + "'");
    }
    List<String> args = new ArrayList<>(words.subList(1, words.size()));
    args.add("--");
    args.addAll(dataFiles);
    CommandLine line = new CommandLine(command);
    CliSetup.configure(line);
    CommandLine.ParseResult parsed;
    try {
      parsed = line.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      return new Parsed(null, null, "exit " + ExitCode.USAGE + ": trialstat: " + oneLine(e.getMessage())
          + " Try 'trialstat " + words.get(0) + " --help' for the options.");
    }
    List<String> files = parsed.matchedPositionals().isEmpty() ? List.of()
        : parsed.matchedPositionals().get(0).stringValues();
    if (files.size() != dataFiles.size()) {
      throw new DataException(c.claimsFile(), c.line(), c.commandColumn(),
          "command: the data file comes from the file column; remove the FILE arguments from the command");
    }
    for (String opt : OUTPUT_OPTIONS) {
      if (parsed.hasMatchedOption(opt)) {
        throw new DataException(c.claimsFile(), c.line(), c.commandColumn(),
            "command: " + opt + " is set by verify (JSON to memory); remove it");
      }
    }
    return new Parsed(words.get(0) + "\u0000" + String.join("\u0000", args), command, null);
  }

  /** The result tree of one parsed command, or its error message as a String. */
  private static Object run(TreeCommand command) {
    try {
      return command.tree();
    } catch (RuntimeException e) {
      return "exit " + ExitCode.of(e) + ": trialstat: " + oneLine(ExitCode.message(e));
    }
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
