package org.trialstat.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The observations of a {@link TrialData} in primitive columns: participant, arm, visit and covariate
 * values coded through per-column dictionaries (dense codes in order of first appearance), scores as
 * doubles, diagnoses as bytes, lines as ints. About 30 bytes per row, against some 60 bytes for an
 * {@link Observation} object plus its strings (issue 16 item 7: a 32 MB file analyses in a 128 MB heap).
 *
 * <p>As a {@code List<Observation>} it is immutable and builds each element on {@link #get(int)} (a
 * short-lived object); code that walks many rows uses the column accessors instead.
 */
public final class ObservationTable extends AbstractList<Observation> implements RandomAccess {

  private final int size;
  private final String[] participants;
  private final String[] arms;
  private final String[] visits;
  private final String[] values;
  private final int[] participant;
  private final int[] arm;
  private final int[] visit;
  private final double[] score;
  private final byte[] diagnosis;
  private final int[] line;
  private final long[] longLine;
  private final int[] columnPair;
  private final int[] pairs;
  private final int covariateCount;
  private final int[] covariates;
  /** {@link #participantRanks()}, once computed. */
  private volatile int[] ranks;

  ObservationTable(ObservationTableBuilder b) {
    size = b.size;
    participants = b.participants.values();
    arms = b.arms.values();
    visits = b.visits.values();
    values = b.values.values();
    // The builder's columns, as they are (ObservationTableBuilder.build trims them when they hold much
    // room beyond the rows); i < size only is read.
    participant = b.participant;
    arm = b.arm;
    visit = b.visit;
    score = b.score;
    diagnosis = b.diagnosis;
    line = b.longLine == null ? b.line : null;
    longLine = b.longLine;
    columnPair = b.columnPair;
    pairs = new int[2 * b.pairs.size()];
    int k = 0;
    for (long key : b.pairs.keySet()) {
      pairs[k++] = (int) (key >>> 32);
      pairs[k++] = (int) key;
    }
    covariateCount = b.covariateCount;
    covariates = b.covariates;
  }

  /** The list as a table: itself when it is one, else its observations coded into columns. */
  public static ObservationTable of(List<Observation> observations) {
    if (observations instanceof ObservationTable t) {
      return t;
    }
    int k = observations.isEmpty() ? 0 : observations.get(0).covariates().size();
    ObservationTableBuilder b = new ObservationTableBuilder(k);
    String[] cov = new String[k];
    for (Observation o : observations) {
      if (o.covariates().size() != k) {
        throw new IllegalArgumentException("observations with " + k + " and " + o.covariates().size()
            + " covariate values");
      }
      o.covariates().toArray(cov);
      b.add(o.participant(), o.arm(), o.visit(), o.score(), o.diagnosis(), cov, o.line(), o.scoreColumn(),
          o.diagnosisColumn());
    }
    return b.build();
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Observation get(int i) {
    byte d = diagnosis(i);
    List<String> cov = List.of();
    if (covariateCount > 0) {
      String[] c = new String[covariateCount];
      for (int k = 0; k < covariateCount; k++) {
        c[k] = covariate(i, k);
      }
      cov = Arrays.asList(c);
    }
    int pair = columnPair[i];
    return new Observation(participants[participant[i]], arms[arm[i]], visits[visit[i]], score[i],
        d < 0 ? null : d == 1, cov, line(i), pairs[2 * pair], pairs[2 * pair + 1]);
  }

  /** Number of distinct participants. */
  public int participantCount() {
    return participants.length;
  }

  /** The participant code of row {@code i}: 0 .. {@link #participantCount()} - 1, by first appearance. */
  public int participantCode(int i) {
    return participant[i];
  }

  /**
   * The rank of each participant code when the identifiers are sorted by {@link String#compareTo} (they
   * are distinct, so the order is unique): {@code ranks[code]}, 0 for the first identifier. Computed
   * once per table, on first use (one sort of the distinct identifiers serves every model); the
   * array is shared, do not modify it.
   */
  public int[] participantRanks() {
    int[] r = ranks;
    if (r == null) {
      Integer[] byName = new Integer[participants.length];
      for (int k = 0; k < byName.length; k++) {
        byName[k] = k;
      }
      Arrays.sort(byName, java.util.Comparator.comparing(k -> participants[k]));
      r = new int[byName.length];
      for (int k = 0; k < byName.length; k++) {
        r[byName[k]] = k;
      }
      ranks = r; // racing threads compute the same array: publishing either is safe (volatile)
    }
    return r;
  }

  /** The identifier of a participant code. */
  public String participantName(int code) {
    return participants[code];
  }

  /** The participant identifier of row {@code i}. */
  public String participant(int i) {
    return participants[participant[i]];
  }

  /** The arm code of row {@code i} (by first appearance). */
  public int armCode(int i) {
    return arm[i];
  }

  /** The arm of row {@code i}. */
  public String arm(int i) {
    return arms[arm[i]];
  }

  /** Number of distinct arms in the rows. */
  public int armCount() {
    return arms.length;
  }

  /** The name of an arm code. */
  public String armName(int code) {
    return arms[code];
  }

  /** The visit code of row {@code i} (by first appearance in the rows, not analysis order). */
  public int visitCode(int i) {
    return visit[i];
  }

  /** Number of distinct visit labels in the rows. */
  public int visitCount() {
    return visits.length;
  }

  /** The label of a visit code. */
  public String visitName(int code) {
    return visits[code];
  }

  /** The visit of row {@code i}. */
  public String visit(int i) {
    return visits[visit[i]];
  }

  /** The score of row {@code i}, NaN when missing. */
  public double score(int i) {
    return score[i];
  }

  /** Whether row {@code i} has a score. */
  public boolean hasScore(int i) {
    return !Double.isNaN(score[i]);
  }

  /** The diagnosis of row {@code i}: 1 present, 0 absent, -1 unknown. */
  public byte diagnosis(int i) {
    return diagnosis[i];
  }

  /** The line of row {@code i}. */
  public long line(int i) {
    return line != null ? line[i] : longLine[i];
  }

  /** The value of covariate {@code k} on row {@code i} ("" for an empty cell). */
  public String covariate(int i, int k) {
    return values[covariates[i * covariateCount + k]];
  }
}
