package org.trialstat.report;

/**
 * A file of a batch that gave no result: what the error object of the JSON array, the error block of the
 * tables and the line on standard error say (docs/output.md).
 *
 * @param file     the file as given
 * @param exitCode the exit code the error would have alone
 * @param message  the message, as on standard error after "trialstat: "
 * @param line     1-based line or record of the problem, 0 when not known
 * @param column   1-based column or variable number, 0 when not known
 */
public record FileError(String file, int exitCode, String message, long line, int column) {
}
