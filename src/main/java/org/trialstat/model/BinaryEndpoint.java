package org.trialstat.model;

/**
 * The binary endpoints of a CAPS trial; {@link #key()} (the name in lower case) is the JSON key and
 * tidy-CSV outcome.
 */
public enum BinaryEndpoint implements Keyed {
  /** A drop in score of at least the response threshold. */
  RESPONSE("Response"),
  /** Diagnosis at baseline and none at endpoint. */
  LOSS_OF_DIAGNOSIS("Loss of diagnosis"),
  /** Endpoint score at or below the remission cut-off, and no diagnosis at endpoint. */
  REMISSION("Remission");

  private final String label;

  BinaryEndpoint(String label) {
    this.label = label;
  }

  /** The endpoint of a JSON key. */
  public static BinaryEndpoint ofKey(String key) {
    for (BinaryEndpoint e : values()) {
      if (e.key().equals(key)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no binary endpoint " + key);
  }

  /** A label for tables, for example "Loss of diagnosis". */
  public String label() {
    return label;
  }
}
