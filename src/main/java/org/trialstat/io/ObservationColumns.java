package org.trialstat.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.Observation;

/**
 * The observations of a file while it is read, in primitive columns (codes into string dictionaries,
 * doubles, bytes) rather than an object per cell; {@link #toObservations()} builds the model's list at
 * the end.
 */
final class ObservationColumns {

  /** Distinct strings, each with a dense code. */
  static final class Codes {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int code(String s) {
      Integer c = index.get(s);
      if (c == null) {
        c = values.size();
        index.put(s, c);
        values.add(s);
      }
      return c;
    }

    String value(int code) {
      return values.get(code);
    }
  }

  private final Codes strings = new Codes();
  private final int covariateCount;
  private int size;
  private int[] participant = new int[1024];
  private int[] arm = new int[1024];
  private int[] visit = new int[1024];
  private double[] score = new double[1024];
  private byte[] diagnosis = new byte[1024];
  private long[] line = new long[1024];
  private int[] scoreColumn = new int[1024];
  private int[] diagnosisColumn = new int[1024];
  private int[] covariates = new int[0];

  ObservationColumns(int covariateCount) {
    this.covariateCount = covariateCount;
    covariates = new int[1024 * covariateCount];
  }

  int size() {
    return size;
  }

  /** Adds one observation; {@code covariateValues} has {@code covariateCount} entries. */
  void add(String id, String armName, String visitLabel, double value, Boolean dx, String[] covariateValues,
      long row, int scoreCol, int dxCol) {
    if (size == participant.length) {
      grow();
    }
    participant[size] = strings.code(id);
    arm[size] = strings.code(armName);
    visit[size] = strings.code(visitLabel);
    score[size] = value;
    diagnosis[size] = dx == null ? (byte) -1 : dx ? (byte) 1 : (byte) 0;
    line[size] = row;
    scoreColumn[size] = scoreCol;
    diagnosisColumn[size] = dxCol;
    for (int k = 0; k < covariateCount; k++) {
      covariates[size * covariateCount + k] = strings.code(covariateValues[k]);
    }
    size++;
  }

  /**
   * Adds an observation of the participant of observation {@code from} (same arm and covariates) at
   * another visit: a derived baseline record.
   */
  void addDerived(int from, String visitLabel, double value, long row, int scoreCol) {
    if (size == participant.length) {
      grow();
    }
    participant[size] = participant[from];
    arm[size] = arm[from];
    visit[size] = strings.code(visitLabel);
    score[size] = value;
    diagnosis[size] = -1;
    line[size] = row;
    scoreColumn[size] = scoreCol;
    diagnosisColumn[size] = 0;
    System.arraycopy(covariates, from * covariateCount, covariates, size * covariateCount, covariateCount);
    size++;
  }

  String participant(int i) {
    return strings.value(participant[i]);
  }

  String visit(int i) {
    return strings.value(visit[i]);
  }

  double score(int i) {
    return score[i];
  }

  long line(int i) {
    return line[i];
  }

  private void grow() {
    int n = participant.length * 2;
    participant = Arrays.copyOf(participant, n);
    arm = Arrays.copyOf(arm, n);
    visit = Arrays.copyOf(visit, n);
    score = Arrays.copyOf(score, n);
    diagnosis = Arrays.copyOf(diagnosis, n);
    line = Arrays.copyOf(line, n);
    scoreColumn = Arrays.copyOf(scoreColumn, n);
    diagnosisColumn = Arrays.copyOf(diagnosisColumn, n);
    covariates = Arrays.copyOf(covariates, n * covariateCount);
  }

  /** The observations in the order added. */
  List<Observation> toObservations() {
    List<Observation> out = new ArrayList<>(size);
    String[] cov = new String[covariateCount];
    for (int i = 0; i < size; i++) {
      for (int k = 0; k < covariateCount; k++) {
        cov[k] = strings.value(covariates[i * covariateCount + k]);
      }
      byte d = diagnosis[i];
      out.add(new Observation(strings.value(participant[i]), strings.value(arm[i]), strings.value(visit[i]),
          score[i], d < 0 ? null : d == 1, covariateCount == 0 ? List.of() : Arrays.asList(cov.clone()),
          line[i], scoreColumn[i], diagnosisColumn[i]));
    }
    return out;
  }
}
