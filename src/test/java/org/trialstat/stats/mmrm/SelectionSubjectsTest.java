package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Selection#subjects}: subjects in order of first appearance, each with its rows in row order, as
 * grouping the rows by name in a {@code LinkedHashMap} gives them; whether the rows come as ascending runs
 * (a table sorted by participant: codes from the runs) or in any other order (codes from a dictionary).
 */
class SelectionSubjectsTest {

  @Property(tries = 200)
  void subjectsInOrderOfFirstAppearance(@ForAll @IntRange(min = 1, max = 40) int subjects, @ForAll long seed,
      @ForAll boolean sorted) throws NotEstimableException {
    Random rnd = new Random(seed);
    List<String> visitOrder = List.of("v0", "v1", "v2");
    List<String[]> rows = new ArrayList<>(); // subject, visit, arm
    List<String> names = new ArrayList<>();
    for (int s = 0; s < subjects; s++) {
      names.add("P" + rnd.nextInt(1000) + "-" + s); // distinct; ascending by number only sometimes
    }
    if (sorted) {
      Collections.sort(names);
    }
    for (int s = 0; s < subjects; s++) {
      String arm = s % 2 == 0 ? "A" : "B";
      int visits = 1 + rnd.nextInt(3);
      for (int v = 0; v < visits; v++) {
        rows.add(new String[] {names.get(s), visitOrder.get(v), arm});
      }
    }
    if (!sorted && rnd.nextBoolean()) {
      Collections.shuffle(rows, rnd);
    }
    List<String> subject = new ArrayList<>();
    List<String> visit = new ArrayList<>();
    List<String> arm = new ArrayList<>();
    for (String[] r : rows) {
      subject.add(new String(r[0])); // equal names, not the same objects
      visit.add(r[1]);
      arm.add(r[2]);
    }
    double[] y = new double[rows.size()];
    MmrmInput in = new MmrmInput(subject, visit, arm, y, null, List.of(), visitOrder, List.of("A", "B"), "A");
    Selection.Subjects got = selection(in).subjects(in);

    Map<String, List<Integer>> reference = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      reference.computeIfAbsent(subject.get(i), k -> new ArrayList<>()).add(i);
    }
    assertThat(got.count()).isEqualTo(reference.size());
    int k = 0;
    for (List<Integer> obs : reference.values()) {
      List<Integer> actual = new ArrayList<>();
      for (int t = got.start()[k]; t < got.start()[k + 1]; t++) {
        actual.add(got.obs()[t]);
      }
      assertThat(actual).isEqualTo(obs);
      k++;
    }
  }

  /** The selection, without the empty-cell check (an arm or visit may have no rows here). */
  private static Selection selection(MmrmInput in) throws NotEstimableException {
    try {
      return Selection.of(in);
    } catch (NotEstimableException e) {
      net.jqwik.api.Assume.that(false);
      throw e;
    }
  }
}
