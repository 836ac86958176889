package org.trialstat.model;

import java.util.Arrays;
import java.util.Map;

/**
 * Collects the rows of an {@link ObservationTable} in order (one thread), coding participants, arms,
 * visits and covariate values by first appearance; {@link #build} makes the table.
 */
public final class ObservationTableBuilder {

  /**
   * The dictionaries of a builder: participant identifiers, arms, visits and covariate values.
   */
  public record Dictionaries(StringDictionary participants, StringDictionary arms, StringDictionary visits,
      StringDictionary values) {
  }

  final StringDictionary participants = new StringDictionary();
  final StringDictionary arms = new StringDictionary();
  final StringDictionary visits = new StringDictionary();
  final StringDictionary values = new StringDictionary();
  private final Dictionaries dictionaries = new Dictionaries(participants, arms, visits, values);
  final Map<Long, Integer> pairs = new java.util.LinkedHashMap<>();
  /** The last row's key of {@link #pairs} and its pair, valid once {@code pairs} is not empty. */
  private long lastPairKey;
  private int lastPair;
  final int covariateCount;
  int size;
  int[] participant = new int[1024];
  int[] arm = new int[1024];
  int[] visit = new int[1024];
  double[] score = new double[1024];
  byte[] diagnosis = new byte[1024];
  int[] line = new int[1024];
  long[] longLine;
  int[] columnPair = new int[1024];
  int[] covariates;
  /** Whether {@link #build} was called: the table may share the columns, so no row is added after it. */
  private boolean built;

  /** A builder for rows with {@code covariateCount} covariate values each. */
  public ObservationTableBuilder(int covariateCount) {
    this.covariateCount = covariateCount;
    covariates = new int[1024 * covariateCount];
  }

  /** Rows added so far. */
  public int size() {
    return size;
  }

  /** Adds a row; {@code covariateValues} has at least {@code covariateCount} entries. */
  public void add(String id, String armName, String visitLabel, double value, Boolean dx,
      String[] covariateValues, long row, int scoreCol, int dxCol) {
    grow();
    participant[size] = participants.code(id);
    arm[size] = arms.code(armName);
    for (int k = 0; k < covariateCount; k++) {
      covariates[size * covariateCount + k] = values.code(covariateValues[k]);
    }
    finish(visits.code(visitLabel), value, dx == null ? (byte) -1 : dx ? (byte) 1 : (byte) 0, row, scoreCol, dxCol);
  }

  /**
   * Adds a row given by codes of this builder's {@link #dictionaries()} (the covariates' in
   * {@code values}), as a reader that codes cells from their characters has them; {@code dx} 1 yes,
   * 0 no, -1 unknown.
   */
  public void addCodes(int participantCode, int armCode, int visitCode, int[] covariateCodes, double value,
      byte dx, long row, int scoreCol, int dxCol) {
    grow();
    participant[size] = participantCode;
    arm[size] = armCode;
    System.arraycopy(covariateCodes, 0, covariates, size * covariateCount, covariateCount);
    finish(visitCode, value, dx, row, scoreCol, dxCol);
  }

  /** The dictionaries whose codes {@link #addCodes} takes. */
  public Dictionaries dictionaries() {
    return dictionaries;
  }

  /** Adds a row of the participant of row {@code from} (same arm and covariates) at another visit. */
  public void addDerived(int from, String visitLabel, double value, long row, int scoreCol) {
    grow();
    participant[size] = participant[from];
    arm[size] = arm[from];
    System.arraycopy(covariates, from * covariateCount, covariates, size * covariateCount, covariateCount);
    finish(visits.code(visitLabel), value, (byte) -1, row, scoreCol, 0);
  }

  private void finish(int visitCode, double value, byte dx, long row, int scoreCol, int dxCol) {
    visit[size] = visitCode;
    score[size] = value;
    diagnosis[size] = dx;
    if (longLine == null && row != (int) row) {
      longLine = new long[participant.length];
      for (int i = 0; i < size; i++) {
        longLine[i] = line[i];
      }
      line = null;
    }
    if (longLine != null) {
      longLine[size] = row;
    } else {
      line[size] = (int) row;
    }
    long key = ((long) scoreCol << 32) | (dxCol & 0xffffffffL);
    if (pairs.isEmpty() || key != lastPairKey) { // rows of one layout repeat their columns: remembered
      Integer pair = pairs.get(key);
      if (pair == null) {
        pair = pairs.size();
        pairs.put(key, pair);
      }
      lastPairKey = key;
      lastPair = pair;
    }
    columnPair[size] = lastPair;
    size++;
  }

  /**
   * Makes room for {@code rows} rows in all, at once: a reader that can estimate the number of rows
   * saves the copies (and the garbage) of growing by half again each time.
   */
  public void ensureCapacity(int rows) {
    if (rows > participant.length && !built) {
      resize(rows);
    }
  }

  private void grow() {
    if (built) {
      throw new IllegalStateException("a row added after build(): the table shares the builder's columns");
    }
    if (size < participant.length) {
      return;
    }
    resize(participant.length + (participant.length >> 1));
  }

  private void resize(int n) {
    participant = Arrays.copyOf(participant, n);
    arm = Arrays.copyOf(arm, n);
    visit = Arrays.copyOf(visit, n);
    score = Arrays.copyOf(score, n);
    diagnosis = Arrays.copyOf(diagnosis, n);
    if (longLine != null) {
      longLine = Arrays.copyOf(longLine, n);
    } else {
      line = Arrays.copyOf(line, n);
    }
    columnPair = Arrays.copyOf(columnPair, n);
    covariates = Arrays.copyOf(covariates, n * covariateCount);
  }

  /** The participant identifier of row {@code i}. */
  public String participant(int i) {
    return participants.value(participant[i]);
  }

  /** The visit of row {@code i}. */
  public String visit(int i) {
    return visits.value(visit[i]);
  }

  /** The score of row {@code i}. */
  public double score(int i) {
    return score[i];
  }

  /** The line of row {@code i}. */
  public long line(int i) {
    return longLine != null ? longLine[i] : line[i];
  }

  /** The participant code of row {@code i} (dense, by first appearance). */
  public int participantCode(int i) {
    return participant[i];
  }

  /** The visit code of row {@code i} (dense, by first appearance). */
  public int visitCode(int i) {
    return visit[i];
  }

  /** The arm code of row {@code i} (dense, by first appearance). */
  public int armCode(int i) {
    return arm[i];
  }

  /** The arm of row {@code i}. */
  public String arm(int i) {
    return arms.value(arm[i]);
  }

  /**
   * The table, which takes the columns as they are: trimmed to the rows first unless their unused room is
   * at most a sixteenth of the rows (at least 1,024), as for a reader that sized them for the whole file,
   * so that a million rows are not copied once more. The builder takes no rows after it.
   */
  public ObservationTable build() {
    built = true;
    if (participant.length - size > Math.max(1024, size >> 4)) {
      resize(size);
    }
    return new ObservationTable(this);
  }
}
