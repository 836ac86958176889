package org.trialstat.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that reads participant-level files ({@code analyze}, {@code mmrm}, {@code impute}) opens
 * with: the files and how a run over many of them behaves, how to read them, the comparator and the confidence
 * level. Picocli reads a superclass's options before the subclass's, so {@code --help} lists these first, as
 * before, followed by the command's own.
 */
abstract class ParticipantFileCommand {

  @Spec
  CommandSpec spec;

  @Mixin
  BatchOptions batch;

  @Mixin
  InputOptions input;

  @Mixin
  ComparisonOptions comparison;
}
