package org.trialstat.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private ObservationTable(Builder b) {
    size = b.size;
    participants = b.participants.values();
    arms = b.arms.values();
    visits = b.visits.values();
    values = b.values.values();
    participant = Arrays.copyOf(b.participant, size);
    arm = Arrays.copyOf(b.arm, size);
    visit = Arrays.copyOf(b.visit, size);
    score = Arrays.copyOf(b.score, size);
    diagnosis = Arrays.copyOf(b.diagnosis, size);
    line = b.longLine == null ? Arrays.copyOf(b.line, size) : null;
    longLine = b.longLine == null ? null : Arrays.copyOf(b.longLine, size);
    columnPair = Arrays.copyOf(b.columnPair, size);
    pairs = new int[2 * b.pairs.size()];
    int k = 0;
    for (long key : b.pairs.keySet()) {
      pairs[k++] = (int) (key >>> 32);
      pairs[k++] = (int) key;
    }
    covariateCount = b.covariateCount;
    covariates = Arrays.copyOf(b.covariates, size * covariateCount);
  }

  /** The list as a table: itself when it is one, else its observations coded into columns. */
  public static ObservationTable of(List<Observation> observations) {
    if (observations instanceof ObservationTable t) {
      return t;
    }
    int k = observations.isEmpty() ? 0 : observations.get(0).covariates().size();
    Builder b = new Builder(k);
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

  /** Collects rows in order; one thread. */
  /**
   * The dictionaries of a {@link Builder}: participant identifiers, arms, visits and covariate values.
   */
  public record Dictionaries(StringDictionary participants, StringDictionary arms, StringDictionary visits,
      StringDictionary values) {
  }

  public static final class Builder {
    private final StringDictionary participants = new StringDictionary();
    private final StringDictionary arms = new StringDictionary();
    private final StringDictionary visits = new StringDictionary();
    private final StringDictionary values = new StringDictionary();
    private final Dictionaries dictionaries = new Dictionaries(participants, arms, visits, values);
    private final Map<Long, Integer> pairs = new java.util.LinkedHashMap<>();
    /** The last row's key of {@link #pairs} and its pair, valid once {@code pairs} is not empty. */
    private long lastPairKey;
    private int lastPair;
    private final int covariateCount;
    private int size;
    private int[] participant = new int[1024];
    private int[] arm = new int[1024];
    private int[] visit = new int[1024];
    private double[] score = new double[1024];
    private byte[] diagnosis = new byte[1024];
    private int[] line = new int[1024];
    private long[] longLine;
    private int[] columnPair = new int[1024];
    private int[] covariates;

    /** A builder for rows with {@code covariateCount} covariate values each. */
    public Builder(int covariateCount) {
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
      if (rows > participant.length) {
        resize(rows);
      }
    }

    private void grow() {
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

    /** The table. */
    public ObservationTable build() {
      return new ObservationTable(this);
    }
  }
}
