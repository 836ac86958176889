package org.trialstat.analysis;

import org.trialstat.model.Observation;

/** A participant's baseline and endpoint observations. */
final class Participant {
  final String id;
  final String arm;
  Observation baseline;
  Observation endpoint;

  Participant(String id, String arm) {
    this.id = id;
    this.arm = arm;
  }

  boolean completer() {
    return baseline != null && baseline.hasScore() && endpoint != null && endpoint.hasScore();
  }
}

