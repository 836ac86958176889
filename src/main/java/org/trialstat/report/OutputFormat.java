package org.trialstat.report;

/** The output formats of every command ({@code --format}). */
public enum OutputFormat {
  /** Aligned, publication-style tables with footnotes (default). */
  TABLE,
  /** The same tables in Markdown. */
  MARKDOWN,
  /** Tidy CSV: one row per estimate. */
  CSV,
  /** Tidy TSV: one row per estimate. */
  TSV,
  /** JSON: one object per file, an array for several files. */
  JSON
}
