import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.TableSource;
import org.trialstat.io.TableSources;
import org.trialstat.io.TrialCsvReader;

/**
 * The CSV reader alone in a warm JVM (scripts/bench_reader.sh): {@code records} opens the file with
 * TableSources.open and asks for every cell's text; {@code read} reads and validates it with
 * TrialCsvReader.read. Prints each round's wall and CPU time (the whole process: every thread) and the
 * median of the rounds after the warm-up ones.
 */
public final class BenchReader {
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path file = Path.of(args[1]);
    int warm = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    double[] wall = new double[rounds];
    double[] cpu = new double[rounds];
    for (int r = -warm; r < rounds; r++) {
      long t0 = System.nanoTime();
      long c0 = processCpu();
      long check = 0;
      if (mode.equals("records")) {
        try (TableSource src = TableSources.open(file, file.toString(), null)) {
          while (src.next()) {
            for (int i = 0, n = src.width(); i < n; i++) {
              check += src.text(i).length();
            }
          }
        }
      } else {
        check = TrialCsvReader.read(file, null, ReadOptions.defaults()).observations().size();
      }
      double w = (System.nanoTime() - t0) / 1e9;
      double c = (processCpu() - c0) / 1e9;
      System.out.printf(Locale.ROOT, "%s round %d: wall %.3f s, cpu %.3f s (%d)%n", mode, r, w, c, check);
      if (r >= 0) {
        wall[r] = w;
        cpu[r] = c;
      }
    }
    System.out.printf(Locale.ROOT, "%s median: wall %.3f s, cpu %.3f s%n", mode, median(wall), median(cpu));
  }

  /**
   * The CPU time of the whole process, every thread's (the reader's second thread, the garbage
   * collector's, the compiler's): with reading split over two threads, this thread's time alone would
   * hide work.
   */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
