package org.trialstat.model;

/**
 * An option names something the data does not have (an arm, a visit), or options contradict each
 * other. The command line prints the message and exits with the usage code (2).
 */
public final class InvalidOptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidOptionException(String message) {
    super(message);
  }
}
