package org.trialstat.stats.meta;

import java.util.List;
import org.trialstat.model.StudyEffect;

/** The effect sizes of the reference data sets, computed by {@link EffectMeasure} (tested in EffectMeasureTest). */
final class Datasets {

  private Datasets() {
  }

  /** dat.bcg columns: trial, author, year, tpos, tneg, cpos, cneg, alloc. */
  static List<String[]> bcg() {
    return MetaReference.csv("dat_bcg.csv");
  }

  static StudyEffect[] bcg(EffectMeasure m) {
    return bcg().stream().map(r -> {
      int a = Integer.parseInt(r[3]);
      int c = Integer.parseInt(r[5]);
      return m.fromCounts(r[0], a, a + Integer.parseInt(r[4]), c, c + Integer.parseInt(r[6]));
    }).toArray(StudyEffect[]::new);
  }

  /** The zero-cell set of make_meta.R: events/n per arm. */
  static final int[][] ZERO = {{4, 40, 9, 41}, {0, 25, 5, 24}, {10, 60, 15, 58}, {7, 50, 8, 52}};

  static StudyEffect[] zero(EffectMeasure m) {
    StudyEffect[] e = new StudyEffect[ZERO.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = m.fromCounts("z" + (i + 1), ZERO[i][0], ZERO[i][1], ZERO[i][2], ZERO[i][3]);
    }
    return e;
  }

  /** dat.normand1999 columns: study, source, n1i, m1i, sd1i, n2i, m2i, sd2i. */
  static StudyEffect[] normand(EffectMeasure m) {
    return MetaReference.csv("dat_normand1999.csv").stream().map(r -> m.fromMeans(r[1], Integer.parseInt(r[2]),
        Double.parseDouble(r[3]), Double.parseDouble(r[4]), Integer.parseInt(r[5]), Double.parseDouble(r[6]),
        Double.parseDouble(r[7]))).toArray(StudyEffect[]::new);
  }

  /** dat.hackshaw1998 columns: study, author, year, design, yi, vi (log OR as published). */
  static List<String[]> hackshawRows() {
    return MetaReference.csv("dat_hackshaw1998.csv");
  }

  static StudyEffect[] hackshaw() {
    return hackshawRows().stream().map(r -> StudyEffect.of(r[1], Double.parseDouble(r[4]), Double.parseDouble(r[5]),
        "log odds ratio as published")).toArray(StudyEffect[]::new);
  }

  /** The data set of a case prefix of make_meta.out. */
  static StudyEffect[] of(String set) {
    return switch (set) {
      case "bcg_rr" -> bcg(EffectMeasure.RR);
      case "bcg_or" -> bcg(EffectMeasure.OR);
      case "bcg_rd" -> bcg(EffectMeasure.RD);
      case "nor_md" -> normand(EffectMeasure.MD);
      case "nor_smd" -> normand(EffectMeasure.SMD);
      case "nor_d" -> normand(EffectMeasure.D);
      case "zero_rr" -> zero(EffectMeasure.RR);
      case "zero_or" -> zero(EffectMeasure.OR);
      case "zero_rd" -> zero(EffectMeasure.RD);
      case "hack" -> hackshaw();
      default -> throw new IllegalArgumentException(set);
    };
  }

  static double[] y(StudyEffect[] e) {
    return java.util.Arrays.stream(e).mapToDouble(StudyEffect::yi).toArray();
  }

  static double[] v(StudyEffect[] e) {
    return java.util.Arrays.stream(e).mapToDouble(StudyEffect::vi).toArray();
  }
}
