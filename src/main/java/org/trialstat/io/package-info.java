/**
 * Input of trialstat: {@link org.trialstat.io.TrialCsvReader} turns a trial CSV file (long or wide,
 * comma/semicolon/tab separated, UTF-8 or UTF-16 with a byte-order mark) into the validated
 * {@link org.trialstat.model.TrialData}, reporting every problem as a
 * {@link org.trialstat.model.DataException} with file, line and column. The rules (delimiter detection,
 * missing values, decimal comma, blank rows, column matching, visit order) are listed on
 * {@link org.trialstat.io.TrialCsvReader}; cell validation is in {@link org.trialstat.io.Cells}.
 *
 * <p>Depends on the model package, the JDK and Apache Commons CSV.
 */
package org.trialstat.io;
