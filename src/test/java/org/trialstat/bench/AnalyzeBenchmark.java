package org.trialstat.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trialstat.analysis.AnalysisRequest;
import org.trialstat.analysis.TrialAnalysis;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.TrialCsvReader;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.Scale;
import org.trialstat.model.TrialData;
import org.trialstat.report.AnalysisWriter;
import org.trialstat.report.OutputFormat;

/**
 * The whole {@code analyze} pipeline inside a warm JVM: parse the CSV text, analyze (t tests, ANCOVA,
 * d/g with noncentral-t CIs, binary endpoints, MMRM), render JSON. Synthetic two-arm CAPS-5 trial, fixed
 * seed, about 8% dropout. Run as MmrmBenchmark says (class name AnalyzeBenchmark); figures in
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnalyzeBenchmark {

  @Param({"4000"})
  public int participants;

  @Param({"3"})
  public int visits;

  private String csv;
  private Path file;

  @Setup
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(20261122);
    StringBuilder sb = new StringBuilder("participant_id,arm,visit,week,caps_total,ptsd_dx\n");
    for (int i = 0; i < participants; i++) {
      String arm = i % 2 == 0 ? "MDMA" : "Placebo";
      int base = 35 + rng.nextInt(20);
      double slope = (i % 2 == 0 ? -24.0 : -14.0) / visits;
      int last = rng.nextDouble() > 0.08 ? visits : 1 + rng.nextInt(visits);
      sb.append('P').append(i).append(',').append(arm).append(",baseline,0,").append(base).append(",1\n");
      for (int v = 1; v <= last; v++) {
        long score = Math.max(0, Math.min(80, Math.round(base + slope * v + 6 * rng.nextGaussian())));
        sb.append('P').append(i).append(',').append(arm).append(",week").append(6 * v).append(',').append(6 * v)
            .append(',').append(score).append(',').append(score > 22 ? 1 : 0).append('\n');
      }
    }
    csv = sb.toString();
    try {
      file = Files.createTempFile("trialstat-bench", ".csv");
      Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /**
   * The reader alone: CSV text to the validated table (issue 18: JMH coverage of the reader), through
   * Commons CSV (decoded text always takes that path).
   */
  @Benchmark
  public TrialData read() {
    return TrialCsvReader.read(new StringReader(csv), "bench.csv", ReadOptions.defaults());
  }

  /** The same text as a file without quotes: split without Commons CSV ({@code io.SimpleCsvRecords}). */
  @Benchmark
  public TrialData readFile() {
    return TrialCsvReader.read(file, "bench.csv", ReadOptions.defaults());
  }

  @Benchmark
  public String analyzeToJson() {
    TrialData data = TrialCsvReader.read(new StringReader(csv), "bench.csv", ReadOptions.defaults());
    AnalysisResult r = TrialAnalysis.analyze(data, AnalysisRequest.defaults(Scale.CAPS5));
    return AnalysisWriter.render(java.util.List.of(r), OutputFormat.JSON, false).asText();
  }
}
