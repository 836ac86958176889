package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.trialstat.model.DataException;

/**
 * {@link CharCells} (a cell as a range of a larger char array) against {@link Cells} (the cell as a
 * String), the reference: on random cells made of digits, signs, points, commas, exponents, missing
 * spellings, yes/no words and other letters, both give the same score, diagnosis and week (exact
 * bits: {@code Double.equals}) or the same problem (place and message), with and without a decimal
 * comma. And {@link PlainDecimal#parse} gives {@code Double.parseDouble}'s bits wherever that accepts
 * the text as a plain decimal number.
 */
class CharCellsPropertyTest {

  private static final String[] PIECES = {"0", "1", "5", "9", "12", "80", "123456789", ".", ",", "-", "+", "e",
      "E", "e-", "e+3", "400", "NA", "na", "Y", "n", "yes", "False", "x", "\u00e9", "Inf", "NaN", "0000000000"};

  @Property(tries = 3000)
  void sameAsCells(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder();
    for (int k = r.nextInt(5); k > 0; k--) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    String cell = sb.toString();
    boolean comma = r.nextBoolean();
    int pad = r.nextInt(3);
    char[] b = ("ab".substring(0, pad) + cell + ",z").toCharArray();
    int from = pad;
    int to = pad + cell.length();
    double min = r.nextBoolean() ? 0 : Double.NEGATIVE_INFINITY;
    double max = r.nextBoolean() ? 80 : Double.POSITIVE_INFINITY;
    String what = "cell [" + cell + "], comma " + comma + ", range " + min + " " + max;
    assertThat(outcome(() -> CharCells.score(b, from, to, min, max, comma, "s", "f", 3, 4))).as(what)
        .isEqualTo(outcome(() -> Cells.score(cell, min, max, comma, "s", "f", 3, 4)));
    assertThat(outcome(() -> CharCells.week(b, from, to, comma, "w", "f", 3, 4))).as(what)
        .isEqualTo(outcome(() -> Cells.week(cell, comma, "w", "f", 3, 4)));
    assertThat(outcome(() -> CharCells.diagnosis(b, from, to, "d", "f", 3, 4))).as(what)
        .isEqualTo(outcome(() -> Cells.toByte(Cells.diagnosis(cell, "d", "f", 3, 4))));
    assertThat(PlainDecimal.isMissing(b, from, to)).as(what).isEqualTo(Cells.isMissing(cell));
    double v = PlainDecimal.parse(b, from, to, false);
    if (!Double.isNaN(v)) {
      assertThat(v).as(what).isEqualTo(Double.parseDouble(cell));
    }
  }

  private static String outcome(Supplier<Object> read) {
    try {
      Object v = read.get();
      return v instanceof Double d ? "value " + Double.doubleToRawLongBits(d) : "value " + v;
    } catch (DataException e) {
      return "problem " + e.describe();
    }
  }
}
