package org.trialstat.model;

/** The binary endpoints of a CAPS trial; {@link #key()} is the JSON key and tidy-CSV outcome. */
public enum BinaryEndpoint {
  /** A drop in score of at least the response threshold. */
  RESPONSE("response", "Response"),
  /** Diagnosis at baseline and none at endpoint. */
  LOSS_OF_DIAGNOSIS("loss_of_diagnosis", "Loss of diagnosis"),
  /** Endpoint score at or below the remission cut-off, and no diagnosis at endpoint. */
  REMISSION("remission", "Remission");

  private final String key;
  private final String label;

  BinaryEndpoint(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The endpoint of a JSON key. */
  public static BinaryEndpoint ofKey(String key) {
    for (BinaryEndpoint e : values()) {
      if (e.key.equals(key)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no binary endpoint " + key);
  }

  /** The JSON key, for example {@code loss_of_diagnosis}. */
  public String key() {
    return key;
  }

  /** A label for tables, for example "Loss of diagnosis". */
  public String label() {
    return label;
  }
}
