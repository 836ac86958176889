package org.trialstat.stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The completers of the oracle data set {@code oracles/mapp1_like.csv} on the test classpath (copied
 * from shared/oracles): participants with both a baseline and a week18 score, in file order, with
 * change = week18 - baseline. The reference values of src/test/resources/oracles/mapp1_like.expected.json
 * (R 4.2.2, see oracles/README.md) were computed on exactly these participants.
 */
final class Mapp1Like {

  /** One completer. */
  record Completer(String id, String arm, double baseline, double week18) {
    double change() {
      return week18 - baseline;
    }
  }

  static final List<Completer> COMPLETERS = load();

  private Mapp1Like() {
  }

  static double[] change(String arm) {
    return COMPLETERS.stream().filter(c -> c.arm().equals(arm)).mapToDouble(Completer::change).toArray();
  }

  private static List<Completer> load() {
    Map<String, String> arm = new LinkedHashMap<>();
    Map<String, Double> base = new LinkedHashMap<>();
    Map<String, Double> end = new LinkedHashMap<>();
    try (InputStream in = Mapp1Like.class.getResourceAsStream("/oracles/mapp1_like.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (!header.startsWith("participant_id,arm,visit,week,caps_total")) {
        throw new IllegalStateException("unexpected header " + header);
      }
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split(",", -1);
        arm.put(f[0], f[1]);
        if (f[4].isEmpty() || f[4].equals("NA")) {
          continue;
        }
        if (f[2].equals("baseline")) {
          base.put(f[0], Double.parseDouble(f[4]));
        } else if (f[2].equals("week18")) {
          end.put(f[0], Double.parseDouble(f[4]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Completer> out = new ArrayList<>();
    for (String id : arm.keySet()) {
      if (base.containsKey(id) && end.containsKey(id)) {
        out.add(new Completer(id, arm.get(id), base.get(id), end.get(id)));
      }
    }
    return List.copyOf(out);
  }
}
