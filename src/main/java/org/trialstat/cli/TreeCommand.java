package org.trialstat.cli;

/**
 * A command whose result {@code verify} resolves claims on: the JSON tree that {@code --format json}
 * prints, computed in-process from the parsed options (no printing, no re-parsing of JSON text).
 */
interface TreeCommand {

  /** The result tree (maps, lists, strings, numbers) of the parsed command. */
  Object tree();
}
