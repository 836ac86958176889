package org.trialstat.model;

/** Denominators of the binary endpoints. */
public enum MissingPolicy {
  /** Completers only: participants with a baseline and an endpoint score (as the published MAPP tables). */
  COMPLETERS("completers"),
  /** Every randomized participant; a participant without an endpoint score counts as having no event. */
  NONRESPONDER("nonresponder");

  private final String key;

  MissingPolicy(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
