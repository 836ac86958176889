package org.trialstat.stats.impute;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The pseudo-random numbers of the random imputation methods: one independent stream per draw, fixed by
 * the seed and the draw's index alone, so that the draws can run on any number of threads in any order
 * and the output is the same.
 *
 * <p>Stream i is the xoshiro-family generator xoroshiro128++ (Blackman &amp; Vigna 2021, "Scrambled
 * linear pseudorandom number generators", ACM TOMS 47(4):36; Commons RNG
 * {@code RandomSource.XO_RO_SHI_RO_128_PP}) whose 128-bit state is outputs 2i and 2i + 1 of SplitMix64
 * started at the seed (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators",
 * OOPSLA; Commons RNG {@code RandomSource.SPLIT_MIX_64}): SplitMix64's j-th output depends on seed + (j +
 * 1) gamma only, so any stream is reached without generating the ones before it (the seeding that
 * Java's {@code SplittableRandom} and Vigna recommend for xoroshiro). Uniform integers are Commons RNG's
 * unbiased {@code nextInt(n)}; normal variates are Commons RNG's {@code ZigguratSampler.NormalizedGaussian}
 * (Marsaglia &amp; Tsang 2000, modified by McFarland 2016). R's {@code set.seed} and {@code sample} give
 * other numbers: results agree with rbmi's only up to Monte Carlo error.
 */
final class DrawStreams {

  /** SplitMix64's increment, the odd integer closest to 2^64 / golden ratio. */
  private static final long GAMMA = 0x9E3779B97F4A7C15L;

  private DrawStreams() {
  }

  /** The uniform stream of draw {@code index} under {@code seed}. */
  static UniformRandomProvider uniform(long seed, int index) {
    UniformRandomProvider split = RandomSource.SPLIT_MIX_64.create(seed + 2L * index * GAMMA);
    return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {split.nextLong(), split.nextLong()});
  }

  /** Standard normal variates from a stream. */
  static NormalizedGaussianSampler normal(UniformRandomProvider rng) {
    return ZigguratSampler.NormalizedGaussian.of(rng);
  }

  /**
   * A bootstrap sample stratified by arm, as rbmi's {@code sample_ids} with the default strata (the
   * group): within each arm, in arm order, as many participants as the arm has, drawn uniformly with
   * replacement.
   *
   * @param rng  the draw's stream
   * @param arm  per participant, the arm index
   * @param arms the number of arms
   * @return the indices of the sampled participants, arm by arm
   */
  static int[] stratifiedSample(UniformRandomProvider rng, int[] arm, int arms) {
    int[] out = new int[arm.length];
    int o = 0;
    for (int a = 0; a < arms; a++) {
      int[] members = new int[arm.length];
      int m = 0;
      for (int i = 0; i < arm.length; i++) {
        if (arm[i] == a) {
          members[m++] = i;
        }
      }
      for (int j = 0; j < m; j++) {
        out[o++] = members[rng.nextInt(m)];
      }
    }
    return out;
  }
}
