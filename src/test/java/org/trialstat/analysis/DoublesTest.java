package org.trialstat.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Doubles#sort}: the same array, bit for bit, as {@link Arrays#sort(double[])} (the JDK's
 * reference order: ascending, -0.0 before 0.0, NaN last), whether it counts (integers in a small range)
 * or compares (fractions, -0.0, NaN, infinities, wide ranges, short arrays).
 */
class DoublesTest {

  @Property(tries = 400)
  void sortsAsArraysSort(@ForAll("values") List<Double> values) {
    assertSortsAsArraysSort(values);
  }

  @Property(tries = 200)
  void countsScoresAsArraysSortOrdersThem(@ForAll("scores") List<Double> values) {
    assertSortsAsArraysSort(values);
  }

  @Provide
  Arbitrary<List<Double>> scores() {
    return Arbitraries.integers().between(-100_000, 100_000).flatMap(lo -> Arbitraries.integers()
        .between(lo, lo + 70_000).map(Integer::doubleValue).list().ofMinSize(64).ofMaxSize(2_000));
  }

  @Property(tries = 100)
  void sortedCopyIsFreshAfterEachAdd(@ForAll("values") List<Double> values) {
    Doubles d = new Doubles();
    for (int i = 0; i < values.size(); i++) {
      d.add(values.get(i));
      double[] s = d.sorted();
      s[0] = 42; // a copy: changing it changes nothing held
      double[] expected = values.subList(0, i + 1).stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(expected);
      assertThat(bits(d.sorted())).isEqualTo(bits(expected));
    }
  }

  @Provide
  Arbitrary<List<Double>> values() {
    Arbitrary<Double> scores = Arbitraries.integers().between(-80, 80).map(Integer::doubleValue);
    Arbitrary<Double> odd = Arbitraries.of(-0.0, 0.0, Double.NaN, 0.5, -1e300, 1e6, 70000.0,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4.0e15);
    Arbitrary<Double> any = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(30, scores), net.jqwik.api.Tuple.of(1, odd));
    return any.list().ofMinSize(1).ofMaxSize(300);
  }

  private static void assertSortsAsArraysSort(List<Double> values) {
    double[] expected = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] actual = expected.clone();
    Arrays.sort(expected);
    Doubles.sort(actual);
    assertThat(bits(actual)).isEqualTo(bits(expected));
  }

  private static long[] bits(double[] d) {
    return Arrays.stream(d).mapToLong(Double::doubleToRawLongBits).toArray();
  }
}
