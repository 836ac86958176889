package org.trialstat.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trialstat.io.InputDigest;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.Provenance;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The provenance of a run: version, commit, the command line as typed, and the time, which
 * {@code SOURCE_DATE_EPOCH} (seconds since 1970, as reproducible builds use it) fixes, and which
 * {@code --reproducible} leaves out when that variable is not set.
 */
final class RunInfo {
  private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private RunInfo() {
  }

  /** The provenance of the command of {@code spec} over {@code inputs}. */
  static Provenance of(CommandSpec spec, boolean reproducible, List<Path> inputs) {
    List<Provenance.Input> in = new ArrayList<>();
    for (Path p : inputs) {
      in.add(InputDigest.of(p, p.toString()));
    }
    return new Provenance(Build.version(), Build.commit(), commandLine(spec), in, time(reproducible));
  }

  /** The run's time in UTC (ISO 8601, seconds), or null when reproducible without SOURCE_DATE_EPOCH. */
  static String time(boolean reproducible) {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    Instant t;
    if (epoch != null && !epoch.isBlank()) {
      try {
        t = Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
      } catch (NumberFormatException e) {
        throw new InvalidOptionException("SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01; got '"
            + epoch + "'");
      }
    } else if (reproducible) {
      return null;
    } else {
      t = Instant.now();
    }
    return DateTimeFormatter.ISO_INSTANT.format(t.atOffset(ZoneOffset.UTC).withNano(0).toInstant());
  }

  /** "trialstat analyze --format json 'my trial.csv'": the arguments as a POSIX shell would need them. */
  static String commandLine(CommandSpec spec) {
    CommandSpec root = spec.root();
    List<String> words = new ArrayList<>();
    if (root == spec) {
      words.add(spec.name());
    }
    if (root.commandLine().getParseResult() != null) {
      words.addAll(root.commandLine().getParseResult().originalArgs());
    }
    return commandLine(words);
  }

  /** "trialstat" and the words, each quoted as a POSIX shell would need it. */
  static String commandLine(List<String> words) {
    StringBuilder sb = new StringBuilder("trialstat");
    for (String w : words) {
      sb.append(' ').append(quote(w));
    }
    return sb.toString();
  }

  static String quote(String word) {
    if (!word.isEmpty() && SAFE_WORD.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
