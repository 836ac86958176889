package org.trialstat.stats.mmrm;

import org.trialstat.model.Convergence;
import org.trialstat.model.DdfMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Difference;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmResult;
import org.trialstat.stats.linalg.Dense;

/**
 * {@link DdfMethod#KENWARD_ROGER} on fev_data (R package mmrm's example data).
 *
 * <p>References:
 * <ul>
 * <li>SAS PROC MIXED DDFM=KR, FEV1 = ARMCD, REPEATED AVISIT / SUBJECT=USUBJID TYPE=UN (openpharma/mmrm,
 * design/ddfm_covtype/kr_us.txt and kr_us.csv, full precision): TRT - PBO 3.81972492174648,
 * SE 0.66124382270307, DF 160.733266403768. SAS stops before the REML optimum (iteration history
 * 3668.64862630, 3667.97607884, 3667.96276376), so {@link #sasKrOnArmOnlyModel} follows SAS's path
 * (MIVQUE0, Newton-Raphson on the UN elements, relative Hessian criterion &lt; 1e-8) before applying KR.
 * src/test/resources/mmrm/r/kr_sas_path.R reproduces that path and the SAS numbers with numerical
 * derivatives only (kr_sas_path.out: se_KR 0.661243826146, df 160.733249489).</li>
 * <li>FEV1 ~ ARMCD * AVISIT + RACE + SEX (the model of {@link MmrmSasCompatibleTest}): no SAS or R mmrm
 * KR output for it was found, so the references are src/test/resources/mmrm/r/kr_direct.R (R 4.2.2,
 * numDeriv 2016.8-1.1, output kr_direct.out): a dense REML fit in the ten sigma_ab, W = 2 solve(numerical
 * Hessian), Phi_A = Phi - sum W_ij d2Phi/d sigma_i d sigma_j by numerical second derivatives of Phi (KR's
 * expression for E(Phi_hat)), the analytic P_i, Q_ij of the Java code never used. The same script on
 * FEV1 ~ ARMCD gives se_KR 0.6613004603 at the exact optimum, next to SAS's 0.6612438 at its stopping
 * point.</li>
 * </ul>
 */
class MmrmKenwardRogerTest {

  private static MmrmResult kr;
  private static MmrmResult sat;

  @BeforeAll
  static void fitOnce() {
    kr = Mmrm.fit(MmrmData.fev(), DdfMethod.KENWARD_ROGER, 0.95);
    sat = Mmrm.fit(MmrmData.fev(), DdfMethod.SATTERTHWAITE, 0.95);
  }

  @ParameterizedTest(name = "TRT - PBO at {0}")
  @CsvSource({
      // R 4.2.2 kr_direct.out "fev TRT-PBO": visit, est, se_KR, df
      "VIS1, 3.7744140570, 1.0817777907, 145.547143",
      "VIS2, 3.7323239574, 0.8633327735, 145.277585",
      "VIS3, 3.0806071071, 0.6955143153, 130.927591",
      "VIS4, 4.3985367764, 1.6934134792, 133.389063"})
  void contrastsMatchDirectR(String visit, double est, double se, double df) {
    Difference d = kr.comparisons().stream().filter(c -> c.visit().equals(visit)).findFirst().orElseThrow()
        .difference();
    assertThat(d.reason()).isNull();
    // tol 1e-7 relative: numDeriv second derivatives and the R fit's optimum (|grad| 4.7e-8)
    assertThat(d.estimate()).isCloseTo(est, within(1e-7 * Math.abs(est)));
    assertThat(d.se()).isCloseTo(se, within(1e-7 * se));
    // tol 2e-6 absolute on df (printed to 6 decimals; numerical first derivatives)
    assertThat(d.df()).isCloseTo(df, within(2e-6 * df));
    assertThat(d.t()).isCloseTo(d.estimate() / d.se(), within(1e-12));
    assertThat(d.method()).contains("Kenward-Roger");
  }

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
      // R 4.2.2 kr_direct.out "fev lsmean": visit, arm, est, se_KR, df
      "VIS1, PBO, 33.3318078089, 0.7612139699, 148.140653",
      "VIS1, TRT, 37.1062218659, 0.7674945932, 143.171811",
      "VIS2, PBO, 38.1714117025, 0.6155351967, 147.033154",
      "VIS2, TRT, 41.9037356598, 0.6048547705, 143.485149",
      "VIS3, PBO, 43.6739749193, 0.4651353240, 129.802656",
      "VIS3, TRT, 46.7545820264, 0.5133273643, 130.133592",
      "VIS4, PBO, 48.3855941047, 1.1987790241, 134.081276",
      "VIS4, TRT, 52.7841308811, 1.1957853643, 132.625435"})
  void lsMeansMatchDirectR(String visit, String arm, double est, double se, double df) {
    LsMean m = kr.lsmeans().stream().filter(x -> x.visit().equals(visit) && x.arm().equals(arm)).findFirst()
        .orElseThrow();
    // tolerances as above
    assertThat(m.estimate()).isCloseTo(est, within(1e-7 * Math.abs(est)));
    assertThat(m.se()).isCloseTo(se, within(1e-7 * se));
    assertThat(m.df()).isCloseTo(df, within(2e-6 * df));
  }

  @Test
  void singleRowDfIsSatterthwaiteAndOnlySeChanges() {
    // Kenward & Roger (1997) section 4 with l = 1: lambda = 1, m = Satterthwaite df from unadjusted Phi
    for (int i = 0; i < kr.comparisons().size(); i++) {
      Difference a = kr.comparisons().get(i).difference();
      Difference b = sat.comparisons().get(i).difference();
      assertThat(a.df()).isCloseTo(b.df(), within(1e-9 * b.df()));
      assertThat(a.estimate()).isCloseTo(b.estimate(), within(1e-12));
      assertThat(a.se()).isGreaterThan(b.se());
    }
    assertThat(kr.minus2RemlLogLik()).isEqualTo(sat.minus2RemlLogLik());
  }

  @Test
  void fTestOnInteractionMatchesDirectR() throws NotEstimableException {
    Design d = Design.build(MmrmData.fev());
    // start from kr_direct.out's sigma (its optimum), polish with Newton on the sigma elements
    double[] start = {40.554438346786, 14.395978297069, 26.571438118762, 4.976043401328, 2.783618731602,
        14.897955493845, 13.377875594516, 7.477329931231, 0.903563396863, 95.556515144097};
    Reml reml = new Reml(d.patterns, d.nVisits, d.p, d.nObs);
    Fit f = newton(reml, d.nVisits, start, 0);
    int arm = d.arms.indexOf("TRT");
    double[][] l = new double[3][d.p];
    for (int v = 1; v < 4; v++) {
      l[v - 1][d.x.column("visit" + d.visits.get(v) + ":armTRT")] = 1;
    }
    KenwardRoger k = new KenwardRoger(d.patterns, d.nVisits, d.p, f.sigma, f.ev, f.hchol);
    KenwardRogerF t = KenwardRogerF.of(k, l, f.ev.beta);
    // R 4.2.2 kr_direct.out "F test ARMCD:AVISIT": ndf 3, F 0.2544475507, lambda 0.9880235208,
    // ddf 152.531748, scaledF 0.2514001649, p 0.8602447326; tol 1e-7 relative (F, scaledF), 1e-7 absolute
    // (lambda, p), 2e-6 relative (ddf)
    assertThat(t.numDf()).isEqualTo(3);
    assertThat(t.f()).isCloseTo(0.2544475507, within(1e-7 * 0.2544475507));
    assertThat(t.lambda()).isCloseTo(0.9880235208, within(1e-7));
    assertThat(t.denDf()).isCloseTo(152.531748, within(2e-6 * 152.531748));
    assertThat(t.scaledF()).isCloseTo(0.2514001649, within(1e-7 * 0.2514001649));
    assertThat(t.p()).isCloseTo(0.8602447326, within(1e-7));
    // R 4.2.2 kr_direct.out "F test TRT-PBO VIS4": l = 1: F 6.7466849483 (tol 1e-7 relative), lambda 1
    // (exact for one row, Kenward & Roger 1997 section 4; tol 1e-12), ddf 133.389063 (tol 2e-6 relative)
    double[] lv = new double[d.p];
    double[] lt = d.lsMeanVector(arm, 3);
    double[] lc = d.lsMeanVector(d.controlArm, 3);
    for (int j = 0; j < d.p; j++) {
      lv[j] = lt[j] - lc[j];
    }
    KenwardRogerF one = KenwardRogerF.of(k, new double[][] {lv}, f.ev.beta);
    assertThat(one.f()).isCloseTo(6.7466849483, within(1e-7 * 6.7466849483));
    assertThat(one.lambda()).isCloseTo(1, within(1e-12));
    assertThat(one.denDf()).isCloseTo(133.389063, within(2e-6 * 133.389063));
  }

  @Test
  void sasKrOnArmOnlyModel() {
    // FEV1 = ARMCD (intercept + TRT indicator), UN over VIS1..VIS4, rows with FEV1 missing dropped
    List<String> visits = List.of("VIS1", "VIS2", "VIS3", "VIS4");
    Map<String, double[]> bySubject = new TreeMap<>();
    Map<String, Boolean> trt = new TreeMap<>();
    for (String[] r : MmrmData.fevRows()) {
      if (r[6].isEmpty()) {
        continue;
      }
      double[] ys = bySubject.computeIfAbsent(r[0], k -> new double[] {Double.NaN, Double.NaN, Double.NaN,
          Double.NaN});
      ys[visits.indexOf(r[1])] = Double.parseDouble(r[6]);
      trt.put(r[0], r[2].equals("TRT"));
    }
    Map<Integer, List<String>> byMask = new TreeMap<>();
    for (Map.Entry<String, double[]> e : bySubject.entrySet()) {
      int mask = 0;
      for (int v = 0; v < 4; v++) {
        if (!Double.isNaN(e.getValue()[v])) {
          mask |= 1 << v;
        }
      }
      byMask.computeIfAbsent(mask, k -> new ArrayList<>()).add(e.getKey());
    }
    List<Pattern> patterns = new ArrayList<>();
    int nObs = 0;
    for (Map.Entry<Integer, List<String>> e : byMask.entrySet()) {
      int[] vis = java.util.stream.IntStream.range(0, 4).filter(v -> (e.getKey() & (1 << v)) != 0).toArray();
      int m = vis.length;
      List<String> ids = e.getValue();
      double[] x = new double[ids.size() * m * 2];
      double[] y = new double[ids.size() * m];
      for (int i = 0; i < ids.size(); i++) {
        for (int a = 0; a < m; a++) {
          x[(i * m + a) * 2] = 1;
          x[(i * m + a) * 2 + 1] = trt.get(ids.get(i)) ? 1 : 0;
          y[i * m + a] = bySubject.get(ids.get(i))[vis[a]];
        }
      }
      nObs += ids.size() * m;
      patterns.add(new Pattern(vis, 2, ids.size(), x, y));
    }
    // SAS "Number of Observations Used 537"; exact
    assertThat(nObs).isEqualTo(537);
    Reml reml = new Reml(patterns, 4, 2, nObs);
    Fit f = newton(reml, 4, mivque0(reml, patterns, 4, 2), 1e-8);
    // SAS iteration history: 3 iterations, last -2 Res Log Like 3667.96276376; tol 5e-9
    assertThat(f.iterations).isEqualTo(3);
    assertThat(f.ev.f).isCloseTo(3667.96276376, within(5e-9));
    KenwardRoger k = new KenwardRoger(patterns, 4, 2, f.sigma, f.ev, f.hchol);
    double[] lv = {0, 1};
    double se = Math.sqrt(k.adjustedVariance(lv));
    KenwardRogerF t = KenwardRogerF.of(k, new double[][] {lv}, f.ev.beta);
    // SAS kr_us.csv: estimate 3.81972492174648 (tol 1e-9 rel), StdErr 0.66124382270307 (tol 1e-8 rel),
    // DF 160.733266403768 (tol 1e-7 rel; SAS's own Hessian at its last iterate vs ours)
    assertThat(f.ev.beta[1]).isCloseTo(3.81972492174648, within(1e-9 * 3.82));
    assertThat(se).isCloseTo(0.66124382270307, within(1e-8 * 0.661));
    assertThat(t.denDf()).isCloseTo(160.733266403768, within(1e-7 * 160.7));
    // SAS tValue 5.77657558467911 = estimate / SE; F = t^2, lambda = 1
    assertThat(Math.sqrt(t.f())).isCloseTo(5.77657558467911, within(1e-8 * 5.78));
  }

  /** A fit at a given covariance: Newton-Raphson state. */
  private static final class Fit {
    double[] sigma;
    Reml.Eval ev;
    double[] hchol;
    int iterations;
  }

  /**
   * Newton-Raphson on the packed sigma elements with the observed Hessian: SAS's rule (stop after the
   * first iteration with g' H^-1 g / |f - constant| &lt; convh) when convh &gt; 0, else 8 full steps.
   */
  private static Fit newton(Reml reml, int t, double[] packed, double convh) {
    int q = packed.length;
    double[] s = packed.clone();
    Fit f = new Fit();
    for (int it = 1; it <= 50; it++) {
      Reml.Eval ev = reml.evaluate(full(s, t), true);
      double[] h = ev.observed.clone();
      assertThat(Dense.cholesky(h, q)).isTrue();
      double[] step = ev.gradient.clone();
      Dense.solve(h, q, step);
      for (int k = 0; k < q; k++) {
        s[k] -= step[k];
      }
      ev = reml.evaluate(full(s, t), true);
      h = ev.observed.clone();
      assertThat(Dense.cholesky(h, q)).isTrue();
      double[] hg = ev.gradient.clone();
      Dense.solve(h, q, hg);
      double crit = 0;
      for (int k = 0; k < q; k++) {
        crit += ev.gradient[k] * hg[k];
      }
      crit /= Math.abs(ev.f - reml.constant());
      f.sigma = full(s, t);
      f.ev = ev;
      f.hchol = h;
      f.iterations = it;
      if (convh > 0 ? crit < convh : it == 8) {
        return f;
      }
    }
    throw new AssertionError("no convergence");
  }

  /** MIVQUE0 as one Fisher-scoring step from Sigma = I (see {@link Convergence#SAS}). */
  private static double[] mivque0(Reml reml, List<Pattern> patterns, int t, int p) {
    int q = t * (t + 1) / 2;
    double[] id = new double[t * t];
    for (int a = 0; a < t; a++) {
      id[a * t + a] = 1;
    }
    Reml.Eval e0 = reml.evaluate(id, true);
    double[] b = new double[q];
    for (int k = 0; k < q; k++) {
      double v = 0;
      for (int a = 0; a < t; a++) {
        v += e0.expected[k * q + Reml.index(a, a)];
      }
      b[k] = v - e0.gradient[k];
    }
    double[] fch = e0.expected.clone();
    assertThat(Dense.cholesky(fch, q)).isTrue();
    Dense.solve(fch, q, b);
    return b;
  }

  private static double[] full(double[] s, int t) {
    double[] sigma = new double[t * t];
    for (int a = 0; a < t; a++) {
      for (int b = 0; b < t; b++) {
        sigma[a * t + b] = s[Reml.index(a, b)];
      }
    }
    return sigma;
  }
}
