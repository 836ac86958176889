package org.trialstat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trialstat.model.Convergence;
import org.trialstat.model.CovarianceSettings;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.Estimation;
import org.trialstat.model.MmrmResult;
import org.trialstat.stats.mmrm.Mmrm;
import org.trialstat.stats.mmrm.MmrmInput;

/**
 * Time of one MMRM fit (unstructured covariance, REML, by default Satterthwaite df for every LS mean and contrast)
 * on a synthetic two-arm trial: baseline covariate, AR(1)-like within-subject correlation 0.6, about 8%
 * monotone dropout per visit, fixed seed. Default: 4,000 subjects x 3 post-baseline visits.
 *
 * <p>Run: {@code mvn -q test-compile && java -cp target/test-classes:target/classes:$(mvn -q
 * dependency:build-classpath -Dmdep.outputFile=/dev/stdout) org.openjdk.jmh.Main MmrmBenchmark -f 1 -wi 3
 * -i 5}; add {@code -p subjects=1000,4000,16000 -p visits=3,6,10} for the scaling grid, {@code -p
 * covariance=un,cs,csh,ar1,ar1h,toep,toeph,adh} for the structures, {@code -p
 * ddf=satterthwaite,kenward-roger,residual} for the df computations (residual: the fit alone), {@code -p
 * scores=integer} for integer scores (repeating design rows, as in a large trial on a rating scale).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MmrmBenchmark {

  @Param({"4000"})
  public int subjects;

  @Param({"3"})
  public int visits;

  /** The covariance structure ({@code un}, {@code cs}, ..., as {@code mmrm --covariance}). */
  @Param({"un"})
  public String covariance;

  /** The denominator df: {@code satterthwaite}, {@code kenward-roger} or {@code residual} (as {@code --ddf}). */
  @Param({"satterthwaite"})
  public String ddf;

  /**
   * {@code continuous} scores, or {@code integer} ones (baseline and score rounded, as rating scales
   * give them): then the design rows repeat (arm x visit x baseline), as in a large trial.
   */
  @Param({"continuous"})
  public String scores;

  private MmrmInput input;
  private CovarianceSettings settings;
  private DdfMethod ddfMethod;

  @Setup
  public void setUp() {
    input = synthetic(subjects, visits, 20240607L, "integer".equals(scores));
    settings = new CovarianceSettings(List.of(CovarianceStructure.of(covariance)), false, Estimation.REML);
    ddfMethod = DdfMethod.valueOf(ddf.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    MmrmResult r = fit();
    if (!r.converged()) {
      throw new IllegalStateException("benchmark fit did not converge: " + r.reason());
    }
  }

  @Benchmark
  public MmrmResult fit() {
    return Mmrm.fit(input, ddfMethod, 0.95, Convergence.OPTIMUM, settings);
  }

  /** Synthetic long-format trial; public so that other benchmarks and ad-hoc timing can reuse it. */
  public static MmrmInput synthetic(int subjects, int visits, long seed) {
    return synthetic(subjects, visits, seed, false);
  }

  /** As above, baseline and score rounded to integers when {@code integer} (the outcome is their difference). */
  public static MmrmInput synthetic(int subjects, int visits, long seed, boolean integer) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> subj = new ArrayList<>();
    List<String> vis = new ArrayList<>();
    List<String> arm = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> base = new ArrayList<>();
    List<String> visitOrder = new ArrayList<>();
    for (int v = 0; v < visits; v++) {
      visitOrder.add("week" + 4 * (v + 1));
    }
    for (int s = 0; s < subjects; s++) {
      String a = s % 2 == 0 ? "Drug" : "Placebo";
      double b = integer ? Math.rint(45 + 8 * gaussian(rnd)) : 45 + 8 * gaussian(rnd);
      double e = gaussian(rnd);
      for (int v = 0; v < visits; v++) {
        if (v > 0 && rnd.nextDouble() < 0.08) {
          break;
        }
        e = 0.6 * e + Math.sqrt(1 - 0.36) * gaussian(rnd);
        double mean = -3.0 * (v + 1) - (a.equals("Drug") ? 1.5 * (v + 1) : 0) - 0.2 * (b - 45);
        subj.add("P" + s);
        vis.add(visitOrder.get(v));
        arm.add(a);
        y.add(integer ? Math.rint(b + mean + 9 * e) - b : mean + 9 * e);
        base.add(b);
      }
    }
    return new MmrmInput(subj, vis, arm, y.stream().mapToDouble(Double::doubleValue).toArray(),
        base.stream().mapToDouble(Double::doubleValue).toArray(), List.of(), visitOrder,
        List.of("Drug", "Placebo"), "Placebo");
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    double w = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * w);
  }
}
