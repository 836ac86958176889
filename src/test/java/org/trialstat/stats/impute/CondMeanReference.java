package org.trialstat.stats.impute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The printed output of the independent R implementation {@code src/test/resources/impute/make_condmean.R}
 * (nlme::gls imputation model, conditional mean imputation, jackknife; see the script's header), committed
 * as {@code make_condmean.out}: per line "LABEL: estimate E se S lower L upper U p P", keyed by LABEL, for
 * example "CR visit 7 difference DRUG-PLACEBO" or "MAR+delta 3.0 visit 7 difference DRUG-PLACEBO"; and
 * the MMRM line "MMRM (gls REML) ...: estimate E se S".
 */
public final class CondMeanReference {

  private static final Path OUT = Path.of("src", "test", "resources", "impute", "make_condmean.out");

  private CondMeanReference() {
  }

  /** LABEL -> {estimate, se, lower, upper, p} (NaN where the line has no such number). */
  public static Map<String, double[]> values() {
    Map<String, double[]> out = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(OUT)) {
        int colon = line.lastIndexOf(": estimate ");
        if (colon < 0) {
          continue;
        }
        String[] f = line.substring(colon + 2).split(" ");
        double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (int i = 0; i + 1 < f.length; i += 2) {
          int k = switch (f[i]) {
            case "estimate" -> 0;
            case "se" -> 1;
            case "lower" -> 2;
            case "upper" -> 3;
            default -> 4;
          };
          v[k] = Double.parseDouble(f[i + 1]);
        }
        out.put(line.substring(0, colon), v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The number after "tipping point (...): " in the output. */
  public static double tippingDelta() {
    try {
      for (String line : Files.readAllLines(OUT)) {
        if (line.startsWith("tipping point")) {
          return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no tipping point line in " + OUT);
  }
}
