package org.trialstat.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialstat.io.InputDigest;
import org.trialstat.io.OutputFiles;
import org.trialstat.io.PlanReader;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Plan;
import org.trialstat.report.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trialstat run PLAN}: a study's analyses from one TOML plan. Every analysis (and subgroup, and
 * format) is checked by picocli as the command it names before anything runs; then each runs in-process
 * with its output in {@code --output-dir} as {@code NAME[.SUBGROUP].FORMAT}, and {@code manifest.json}
 * records each command line, status, exit code and output with its SHA-256, and the plan's SHA-256.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs the analyses of a TOML analysis plan (defaults, then named analyses with options, "
        + "formats and subgroups) into one folder, with manifest.json (docs/usage.md).",
        "Exit code: 0 when every analysis succeeded, else the largest exit code among them."})
public final class RunCommand implements Callable<Integer> {
  /** Formats of commands that take --format; verify prints text (txt). */
  private static final List<String> TEXT_ONLY = List.of("verify");

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PLAN", arity = "1", description = "The plan (TOML).")
  Path planFile;

  @Option(names = "--output-dir", paramLabel = "DIR", required = true,
      description = "Folder of the outputs and manifest.json (created when missing).")
  Path outputDir;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error; errors only.")
  boolean quiet;

  @Option(names = "--reproducible", description = "Passed to every analysis: outputs and manifest carry no time.")
  boolean reproducible;

  /** One run of one command: an analysis, subgroup and format. */
  private record Job(Plan.Analysis analysis, String subgroup, String format, List<String> args, Path output) {
  }

  @Override
  public Integer call() {
    String name = planFile.toString();
    Plan plan = PlanReader.read(planFile, name);
    List<Job> jobs = new ArrayList<>();
    for (Plan.Analysis a : plan.analyses()) {
      jobs.addAll(jobs(plan, a));
    }
    Map<String, Job> byOutput = new java.util.HashMap<>();
    for (Job j : jobs) {
      check(plan, j); // every command line is valid before anything runs
      Job other = byOutput.putIfAbsent(j.output().getFileName().toString().toLowerCase(java.util.Locale.ROOT), j);
      if (other != null) {
        throw new DataException(plan.source(), j.analysis().line(), 0, "analysis '" + j.analysis().name() + "': "
            + (other.analysis() == j.analysis() ? "subgroups: " : "name: ") + label(j) + " and " + label(other) + " would both write " + j.output().getFileName()
            + "; give them distinct names or subgroups");
      }
    }
    try {
      Files.createDirectories(outputDir);
    } catch (IOException e) {
      throw new InvalidOptionException("--output-dir " + outputDir + ": cannot create the folder (" + e.getMessage()
          + ")");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Object> entries = new ArrayList<>();
    int worst = ExitCode.OK;
    for (Job j : jobs) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
      int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(errBytes, true, StandardCharsets.UTF_8), j.args().toArray(String[]::new));
      String messages = errBytes.toString(StandardCharsets.UTF_8);
      if (code != ExitCode.OK || !quiet) {
        err.print(messages.replaceAll("(?m)^trialstat: ", "trialstat: " + label(j) + ": "));
      }
      Map<String, Object> e = Json.object();
      e.put("name", j.analysis().name());
      e.put("subgroup", j.subgroup());
      e.put("format", j.format());
      e.put("command_line", RunInfo.commandLine(j.args()));
      e.put("status", code == ExitCode.OK ? "ok" : "error");
      e.put("exit_code", code);
      List<Object> outputs = new ArrayList<>();
      if (out.size() > 0 || code == ExitCode.OK || code == ExitCode.VERIFICATION_FAILED) {
        byte[] bytes = out.toByteArray();
        OutputFiles.writeAtomically(j.output(), stream -> stream.write(bytes), List.of());
        Map<String, Object> o = Json.object();
        o.put("path", j.output().getFileName().toString());
        o.put("size", (long) bytes.length);
        o.put("sha256", InputDigest.of(bytes));
        outputs.add(o);
      }
      e.put("outputs", outputs);
      if (code != ExitCode.OK) {
        e.put("message", messages.strip());
      }
      entries.add(e);
      worst = Math.max(worst, code);
      if (!quiet) {
        err.println("trialstat run: " + label(j) + ": " + (code == ExitCode.OK ? "ok" : "exit " + code));
      }
    }
    Map<String, Object> manifest = Json.object();
    Map<String, Object> p = Json.object();
    p.put("path", name);
    p.put("sha256", InputDigest.of(planFile, name).sha256());
    manifest.put("plan", p);
    manifest.put("trialstat_version", Build.version());
    manifest.put("git_commit", Build.commit());
    manifest.put("command_line", RunInfo.commandLine(spec));
    manifest.put("time_utc", RunInfo.time(reproducible));
    manifest.put("analyses", entries);
    OutputFiles.writeAtomically(outputDir.resolve("manifest.json"), Json.write(manifest), List.of(planFile));
    return worst;
  }

  private List<Job> jobs(Plan plan, Plan.Analysis a) {
    boolean text = TEXT_ONLY.contains(a.command());
    List<String> formats = text ? List.of("txt") : a.formats();
    List<String> subgroups = a.subgroups().isEmpty() ? java.util.Collections.singletonList(null) : a.subgroups();
    List<String> files = new ArrayList<>();
    Path dir = planFile.getParent();
    for (String f : a.files() != null ? a.files() : a.defaults() ? plan.files() : List.<String>of()) {
      files.add(dir == null ? f : dir.resolve(f).normalize().toString());
    }
    List<Job> jobs = new ArrayList<>();
    for (String sub : subgroups) {
      for (String format : formats) {
        List<String> args = new ArrayList<>();
        args.add(a.command());
        if (a.defaults()) {
          args.addAll(plan.options());
        }
        args.addAll(a.options());
        if (sub != null) {
          args.add("--where");
          args.add(sub);
        }
        if (!text) {
          args.add("--format");
          args.add(format);
          if (reproducible) {
            args.add("--reproducible");
          }
        }
        args.add("--");
        args.addAll(files);
        String file = a.name() + (sub == null ? "" : "." + safe(sub)) + "." + format;
        jobs.add(new Job(a, sub, format, args, outputDir.resolve(file)));
      }
    }
    return jobs;
  }

  /** Parses a job's command line as picocli would; a bad one is a plan error naming the analysis's line. */
  private static void check(Plan plan, Job j) {
    Plan.Analysis a = j.analysis();
    String where = "analysis '" + a.name() + "'";
    if (a.command().equals("run")) {
      throw new DataException(plan.source(), a.line(), 0, where + ": command: a plan cannot run a plan");
    }
    CommandLine line = TrialstatCommand.commandLine();
    CliSetup.configure(line);
    if (!line.getSubcommands().containsKey(a.command())) {
      throw new DataException(plan.source(), a.line(), 0, where + ": command: '" + a.command() + "' is not a command; "
          + "expected one of " + String.join(", ", line.getSubcommands().keySet().stream().filter(c -> !c.equals("run"))
              .toList()));
    }
    try {
      line.parseArgs(j.args().toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      String m = e.getMessage().strip();
      if (m.contains("--format") || m.contains("--output")) {
        m += " (run sets --format from formats = [...] and writes into --output-dir: remove them from options)";
      }
      throw new DataException(plan.source(), a.line(), 0, where + ": " + m);
    }
    CommandLine.ParseResult sub = line.getParseResult().subcommand();
    if (sub != null && sub.hasMatchedOption("--output")) {
      throw new DataException(plan.source(), a.line(), 0, where + ": --output is set by run (--output-dir); remove it");
    }
  }

  private static String label(Job j) {
    return j.analysis().name() + (j.subgroup() == null ? "" : " [" + j.subgroup() + "]") + " (" + j.format() + ")";
  }

  /**
   * A subgroup expression as a file-name part: the comparison operators other than {@code =} become words
   * ({@code >=} ge, {@code <=} le, {@code !=} ne, {@code >} gt, {@code <} lt), so that {@code AGE>=65} and
   * {@code AGE<65} name different files; then runs of other characters than letters, digits, '.', '-' become
   * '_'. Two jobs that still map to one file name are a plan error before anything runs.
   */
  static String safe(String expression) {
    String words = expression.replace(">=", "_ge_").replace("<=", "_le_").replace("!=", "_ne_")
        .replace(">", "_gt_").replace("<", "_lt_");
    return words.replaceAll("[^A-Za-z0-9.-]+", "_").replaceAll("^_|_$", "");
  }
}
