package org.trialstat.stats.mmrm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.trialstat.TestFiles;

/** Builds MmrmInput from the reference CSV files in ../shared (simple comma split). */
final class MmrmData {

  private MmrmData() {
  }

  /** The rows of ../shared/oracles/mmrm_fev/fev_data.csv; skips the calling test when it is absent. */
  static List<String[]> fevRows() {
    return read(TestFiles.assumeShared(TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv")));
  }

  /** The rows of a CSV test resource, for example "/oracles/mapp1_like.csv". */
  static List<String[]> read(String resource) {
    return read(TestFiles.resource(resource.substring(1)));
  }

  static List<String[]> read(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String[]> rows = new ArrayList<>();
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          String[] f = line.split(",", -1);
          for (int i = 0; i < f.length; i++) {
            f[i] = f[i].replace("\"", "");
          }
          rows.add(f);
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * fev_data.csv (columns USUBJID, AVISIT, ARMCD, RACE, SEX, FEV1_BL, FEV1, ...): FEV1 ~ ARMCD * AVISIT +
   * RACE + SEX, rows with missing FEV1 dropped.
   */
  static MmrmInput fev() {
    List<String> subj = new ArrayList<>();
    List<String> visit = new ArrayList<>();
    List<String> arm = new ArrayList<>();
    List<String> race = new ArrayList<>();
    List<String> sex = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    LinkedHashSet<String> arms = new LinkedHashSet<>();
    for (String[] f : fevRows()) {
      if (f[6].isEmpty()) {
        continue;
      }
      subj.add(f[0]);
      visit.add(f[1]);
      arm.add(f[2]);
      arms.add(f[2]);
      race.add(f[3]);
      sex.add(f[4]);
      y.add(Double.parseDouble(f[6]));
    }
    return new MmrmInput(subj, visit, arm, y.stream().mapToDouble(Double::doubleValue).toArray(), null,
        List.of(new Covariate("RACE", race, true), new Covariate("SEX", sex, true)),
        List.of("VIS1", "VIS2", "VIS3", "VIS4"), new ArrayList<>(arms), "PBO");
  }

  /**
   * A CAPS oracle CSV (participant_id, arm, visit, week, caps_total, ptsd_dx): change from the
   * "baseline" visit at every post-baseline visit of participants with a baseline score, baseline as
   * covariate.
   */
  static MmrmInput caps(String resource, String control) {
    List<String[]> rows = read(resource);
    Map<String, Double> base = new HashMap<>();
    Map<String, Integer> week = new HashMap<>();
    LinkedHashSet<String> arms = new LinkedHashSet<>();
    for (String[] f : rows) {
      arms.add(f[1]);
      if (f[2].equals("baseline")) {
        if (!f[4].isEmpty()) {
          base.put(f[0], Double.parseDouble(f[4]));
        }
      } else {
        week.put(f[2], Integer.parseInt(f[3]));
      }
    }
    List<String> visits = new ArrayList<>(week.keySet());
    visits.sort((a, b) -> Integer.compare(week.get(a), week.get(b)));
    List<String> subj = new ArrayList<>();
    List<String> visit = new ArrayList<>();
    List<String> arm = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (String[] f : rows) {
      if (f[2].equals("baseline") || !base.containsKey(f[0])) {
        continue;
      }
      subj.add(f[0]);
      visit.add(f[2]);
      arm.add(f[1]);
      double bl = base.get(f[0]);
      y.add(f[4].isEmpty() ? Double.NaN : Double.parseDouble(f[4]) - bl);
      b.add(bl);
    }
    return new MmrmInput(subj, visit, arm, y.stream().mapToDouble(Double::doubleValue).toArray(),
        b.stream().mapToDouble(Double::doubleValue).toArray(), List.of(), visits, new ArrayList<>(arms),
        control);
  }
}
