package org.trialstat.model;

/**
 * One published claim of a {@code trialstat verify} claims file, as written (text cells, trimmed; empty
 * optional cells are null).
 *
 * @param claimsFile       the claims file as given
 * @param line             1-based line of the claim
 * @param file             the data file, relative to the claims file's folder
 * @param command          {@code analyze} or {@code summary}, optionally followed by options
 * @param statistic        a JSON path into the command's JSON output
 * @param expected         the value as published, for example {@code 0.91}, {@code 71.2%}, {@code < 0.001}
 * @param compare          {@code value} or {@code abs}, or null (value)
 * @param tolerance        an explicit absolute tolerance, or null (half a unit in the last published digit)
 * @param source           the citation, or null
 * @param commandColumn    1-based column of {@code command}
 * @param statisticColumn  1-based column of {@code statistic}
 * @param expectedColumn   1-based column of {@code expected}
 * @param compareColumn    1-based column of {@code compare}, 0 when the file has none
 * @param toleranceColumn  1-based column of {@code tolerance}, 0 when the file has none
 */
public record Claim(String claimsFile, long line, String file, String command, String statistic, String expected,
    String compare, String tolerance, String source, int commandColumn, int statisticColumn, int expectedColumn,
    int compareColumn, int toleranceColumn) {
}
