package org.trialstat.stats.mmrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The numbers of one SAS PROC MIXED listing (text, as in ../shared/oracles/mmrm_fev/sas/): covariance
 * parameter estimates as printed (name, group or null, the printed text), the -2 (Res) Log Like of the
 * last line of the iteration history (8 decimals), and AIC, AICC, BIC of "Fit Statistics".
 */
final class SasListing {

  private static final Pattern NAME = Pattern.compile(
      "UN\\(\\d,\\d\\)|CS|CSH|AR\\(1\\)|ARH\\(1\\)|TOEP\\(\\d\\)|TOEPH\\(\\d\\)|Var\\(\\d\\)|Rho\\(\\d\\)|Residual|Variance");
  private static final Pattern NUMBER = Pattern.compile("-?\\d*\\.?\\d+");

  record Parameter(String name, String group, String printed) {
    double value() {
      return Double.parseDouble(printed);
    }

    /** Half a unit in the last printed digit. */
    double halfUnit() {
      int dot = printed.indexOf('.');
      int decimals = dot < 0 ? 0 : printed.length() - dot - 1;
      return 0.5 * Math.pow(10, -decimals);
    }
  }

  final List<Parameter> parameters = new ArrayList<>();
  double m2ll = Double.NaN;
  String aic;
  String aicc;
  String bic;

  static SasListing read(Path file) {
    List<String> tokens = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        for (String t : line.trim().split("\\s+")) {
          if (!t.isEmpty()) {
            tokens.add(t);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SasListing l = new SasListing();
    int i = 0;
    int n = tokens.size();
    for (; i < n && !(tokens.get(i).equals("Convergence") && tokens.get(i + 1).equals("criteria")); i++) {
      if (tokens.get(i).matches("\\d{4}\\.\\d{8}")) {
        l.m2ll = Double.parseDouble(tokens.get(i));
      }
    }
    while (i < n - 1 && !(tokens.get(i).equals("Covariance") && tokens.get(i + 1).equals("Parameter"))) {
      i++;
    }
    String group = null;
    for (; i < n && !(tokens.get(i).equals("Fit") && tokens.get(i + 1).equals("Statistics")); i++) {
      String t = tokens.get(i);
      if (t.equals("ARMCD")) {
        group = tokens.get(i + 1);
      }
      if (NAME.matcher(t).matches()) {
        int j = i + 1;
        String g = null;
        while (!NUMBER.matcher(tokens.get(j)).matches()) {
          if (tokens.get(j).equals("ARMCD")) {
            g = tokens.get(j + 1);
            j++;
          }
          j++;
        }
        l.parameters.add(new Parameter(t, g != null ? g : group, tokens.get(j)));
        i = j;
      }
    }
    for (; i < n; i++) {
      String t = tokens.get(i);
      if (t.equals("AIC") || t.equals("AICC") || t.equals("BIC")) {
        String v = tokens.get(i + 4);
        if (t.equals("AIC")) {
          l.aic = v;
        } else if (t.equals("AICC")) {
          l.aicc = v;
        } else {
          l.bic = v;
        }
      }
    }
    return l;
  }
}
