package org.trialstat.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = TrialstatCommand.class.getPackage().getImplementationVersion();
    return new String[] {"trialstat " + (v == null ? "development build" : v)};
  }
}
