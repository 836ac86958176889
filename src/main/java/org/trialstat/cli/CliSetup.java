package org.trialstat.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The settings of every picocli command line trialstat builds (the entry point, verify's claim commands,
 * run's plan analyses), so that an option means the same everywhere.
 */
final class CliSetup {
  /** A decimal number as written in a paper or a shell: no Java literals ({@code 0x1p-1}, {@code 0.95f}). */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CliSetup() {
  }

  static CommandLine configure(CommandLine cmd) {
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExpandAtFiles(false); // a data file may be named @trial.csv; lists of files: --files-from
    cmd.registerConverter(Double.class, CliSetup::decimal);
    cmd.registerConverter(Double.TYPE, CliSetup::decimal);
    return cmd;
  }

  static Double decimal(String value) {
    String v = value.strip();
    if (!DECIMAL.matcher(v).matches()) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a decimal number (for example 0.95, "
          + "10 or 1e-3)");
    }
    return Double.valueOf(v);
  }
}
