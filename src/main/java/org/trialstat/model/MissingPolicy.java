package org.trialstat.model;

/** Denominators of the binary endpoints. */
public enum MissingPolicy implements Keyed {
  /** Completers only: participants with a baseline and an endpoint score (as the published MAPP tables). */
  COMPLETERS,
  /** Every randomized participant; a participant without an endpoint score counts as having no event. */
  NONRESPONDER
}
