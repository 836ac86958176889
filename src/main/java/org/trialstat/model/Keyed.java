package org.trialstat.model;

import java.util.Locale;

/**
 * An enum whose public key (JSON value, option value, tidy-CSV code) is its constant's name in lower
 * case: {@code LOSS_OF_DIAGNOSIS} is {@code loss_of_diagnosis}. One rule instead of a key field per enum.
 */
public interface Keyed {

  /** The constant's name (implemented by every enum). */
  String name();

  /** The public key: the name in lower case. */
  default String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
