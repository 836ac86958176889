package org.trialstat.model;

/**
 * An {@link EffectValue} made of several effects and tests, of which one (its headline) stands for the
 * whole where a single estimate is asked for; writers show every part.
 */
public sealed interface Headlined extends EffectValue permits StratifiedBinaryResult, AdjustedBinaryResult {

  /** The effect whose method, estimate, interval and p the value reports as its own. */
  WaldEffect headline();

  // The parts of EffectValue, each the headline's.
  @Override default String method() { return headline().method(); }

  @Override default double estimate() { return headline().estimate(); }

  @Override default double ciLow() { return headline().ciLow(); }

  @Override default double ciHigh() { return headline().ciHigh(); }

  @Override default double p() { return headline().p(); }
}
