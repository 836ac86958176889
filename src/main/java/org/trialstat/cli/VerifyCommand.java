package org.trialstat.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialstat.analysis.ClaimCheck;
import org.trialstat.io.ClaimsCsvReader;
import org.trialstat.io.OutputFiles;
import org.trialstat.model.Claim;
import org.trialstat.model.ClaimResult;
import org.trialstat.model.DataException;
import org.trialstat.report.ClaimReport;
import org.trialstat.report.JsonPath;
import org.trialstat.report.JsonReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code trialstat verify}: checks published claims against what {@code analyze} or {@code summary}
 * compute. Each claim's command runs in-process through the same entry point, with {@code --format json};
 * its output is read back and the claim's JSON path resolved with {@link JsonPath}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Checks published claims (a CSV: file, command, statistic, expected, compare, tolerance, "
        + "source) against trialstat's results; prints PASS/FAIL per claim.",
        "Exit code 0 when every claim passes, 1 when any fails, 3 when the claims file or a claim is bad."})
public final class VerifyCommand implements Callable<Integer> {

  private static final Set<String> COMMANDS = Set.of("analyze", "summary");
  private static final Set<String> OUTPUT_OPTIONS = Set.of("-f", "--format", "-o", "--output");

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "CLAIMS", arity = "1", description = "Claims CSV file.")
  Path claimsFile;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report to FILE (for CI).")
  Path junit;

  @Override
  public Integer call() {
    String name = claimsFile.toString();
    List<Claim> claims = ClaimsCsvReader.read(claimsFile, name);
    // Validate every claim before running anything: a malformed claims file is an input error (exit 3).
    List<ClaimCheck> checks = new ArrayList<>();
    List<List<String>> commands = new ArrayList<>();
    for (Claim c : claims) {
      checks.add(ClaimCheck.of(c));
      commands.add(command(c));
    }
    Path base = claimsFile.toAbsolutePath().getParent();
    Map<String, Object> cache = new HashMap<>();
    List<ClaimResult> results = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      Claim c = claims.get(i);
      List<String> args = new ArrayList<>(commands.get(i));
      args.add("--format");
      args.add("json");
      args.add("--");
      args.add(base.resolve(c.file()).normalize().toString());
      String key = String.join("\u0000", args);
      Object tree = cache.computeIfAbsent(key, k -> run(args));
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
    spec.commandLine().getOut().print(ClaimReport.text(results));
    spec.commandLine().getOut().flush();
    if (junit != null) {
      OutputFiles.writeAtomically(junit, ClaimReport.junit(name, results), List.of(claimsFile));
    }
    boolean error = results.stream().anyMatch(r -> r.status() == ClaimResult.Status.ERROR);
    boolean fail = results.stream().anyMatch(r -> r.status() == ClaimResult.Status.FAIL);
    return error ? ExitCode.DATA : fail ? ExitCode.VERIFICATION_FAILED : ExitCode.OK;
  }

  private static List<String> command(Claim c) {
    List<String> words;
    try {
      words = ShellWords.split(c.command());
    } catch (IllegalArgumentException e) {
      throw new DataException(c.claimsFile(), c.line(), c.commandColumn(), "command: " + e.getMessage());
    }
    if (words.isEmpty() || !COMMANDS.contains(words.get(0))) {
      throw new DataException(c.claimsFile(), c.line(), c.commandColumn(),
          "command: expected analyze or summary (optionally with options), got '" + c.command() + "'");
    }
    for (String w : words) {
      String opt = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
      if (OUTPUT_OPTIONS.contains(opt)) {
        throw new DataException(c.claimsFile(), c.line(), c.commandColumn(),
            "command: " + opt + " is set by verify (JSON to memory); remove it");
      }
    }
    return words;
  }

  /** Runs one command in-process; the parsed JSON tree, or the error message as a String. */
  private static Object run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    if (code != ExitCode.OK) {
      String message = err.toString(StandardCharsets.UTF_8).strip().replaceAll("\\s*\\R\\s*", " ");
      return "exit " + code + ": " + message;
    }
    try {
      return JsonReader.parse(out.toString(StandardCharsets.UTF_8));
    } catch (JsonReader.JsonSyntaxException e) {
      return e.getMessage();
    }
  }
}
