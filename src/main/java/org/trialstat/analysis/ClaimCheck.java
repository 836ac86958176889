package org.trialstat.analysis;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialstat.model.Claim;
import org.trialstat.model.ClaimResult;
import org.trialstat.model.DataException;
import org.trialstat.model.Numbers;

/**
 * The acceptance rule of one published claim of {@code trialstat verify}, and its check against a
 * computed value.
 *
 * <p>The {@code expected} cell is a number as published, optionally a percentage, optionally preceded by
 * {@code p}/{@code P} and a comparison: {@code 0.91}, {@code -0.91}, {@code 71.2%}, {@code 1.2e-4},
 * {@code < 0.001}, {@code P <= 0.05}, {@code > 0.5}, {@code = 0.03}. A percentage means that number /
 * 100 ({@code 71.2%} is 0.712).
 *
 * <ul>
 *   <li>Without {@code tolerance}: half a unit in the last published digit, as rounding to the printed
 *       digits would accept: {@code 0.91} accepts [0.905, 0.915), {@code 71.2%} accepts [0.7115, 0.7125),
 *       {@code -0.91} accepts (-0.915, -0.905] (rounding half away from zero). The limits are exact
 *       decimals; the computed double is compared exactly as the decimal it prints as (its shortest
 *       round-trip form, {@link Numbers#shortest(double)}), so a value printed as 0.905 is accepted.
 *   <li>With {@code tolerance}: |computed - expected| &lt;= tolerance, closed. The tolerance is in the
 *       units of the statistic ({@code 0.01}); with a {@code %} sign it is in percentage points
 *       ({@code 0.5%} = 0.005).
 *   <li>A bound ({@code <}, {@code <=}, {@code >}, {@code >=}) checks the bound; a tolerance is refused.
 * </ul>
 *
 * <p>{@code compare} is {@code value} (default) or {@code abs}: the absolute value of the computed number
 * is checked, for published magnitudes such as d = 0.91 against a signed -0.909 (trialstat's effects
 * are treatment minus control). A computed NaN (not estimable) fails.
 *
 * @param compare  how the computed value is compared
 * @param low      the lower limit of the accepted range, null for none (an upper bound)
 * @param high     the upper limit, null for none (a lower bound)
 * @param lowOpen  whether the lower limit itself is outside the range
 * @param highOpen whether the upper limit itself is outside the range
 * @param accepted the accepted range in words, for example {@code [0.905, 0.915)} or {@code < 0.001}
 */
public record ClaimCheck(Compare compare, BigDecimal low, BigDecimal high, boolean lowOpen, boolean highOpen,
    String accepted) {

  /** How the computed value is compared. */
  public enum Compare {
    /** The signed value. */
    VALUE,
    /** Its absolute value. */
    ABS
  }

  private static final Pattern EXPECTED = Pattern.compile(
      "(?:[pP]\\s*)?(<=|>=|<|>|=|\u2264|\u2265)?\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(%?)");

  /**
   * The rule of a claim.
   *
   * @throws DataException when {@code expected}, {@code compare} or {@code tolerance} is malformed, naming
   *                       the claims file, line and column
   */
  public static ClaimCheck of(Claim claim) {
    String file = claim.claimsFile();
    Compare compare = Compare.VALUE;
    if (claim.compare() != null) {
      switch (claim.compare().toLowerCase(Locale.ROOT)) {
        case "value" -> compare = Compare.VALUE;
        case "abs" -> compare = Compare.ABS;
        default -> throw new DataException(file, claim.line(), claim.compareColumn(),
            "compare: expected value or abs, got '" + claim.compare() + "'");
      }
    }
    String text = claim.expected().replace('\u2212', '-').strip();
    Matcher m = EXPECTED.matcher(text);
    if (!m.matches()) {
      throw new DataException(file, claim.line(), claim.expectedColumn(), "expected: not a published number: '"
          + claim.expected() + "'; write it as printed, for example 0.91, 71.2% or < 0.001");
    }
    String sign = m.group(1) == null ? "" : m.group(1).replace("\u2264", "<=").replace("\u2265", ">=");
    boolean percent = !m.group(3).isEmpty();
    BigDecimal printed = new BigDecimal(m.group(2));
    BigDecimal value = percent ? printed.movePointLeft(2) : printed;
    if (compare == Compare.ABS && value.signum() < 0) {
      throw new DataException(file, claim.line(), claim.expectedColumn(),
          "expected: a negative value with compare = abs; write the magnitude, or use compare = value");
    }
    boolean bound = !sign.isEmpty() && !sign.equals("=");
    if (bound) {
      if (claim.tolerance() != null) {
        throw new DataException(file, claim.line(), claim.toleranceColumn(),
            "tolerance: does not apply to a bound ('" + claim.expected() + "'); leave it empty");
      }
      String shown = sign + " " + plain(value);
      return switch (sign) {
        case "<" -> new ClaimCheck(compare, null, value, false, true, shown);
        case "<=" -> new ClaimCheck(compare, null, value, false, false, shown);
        case ">" -> new ClaimCheck(compare, value, null, true, false, shown);
        default -> new ClaimCheck(compare, value, null, false, false, shown);
      };
    }
    if (claim.tolerance() != null) {
      String tol = claim.tolerance().strip();
      boolean tolPercent = tol.endsWith("%");
      BigDecimal t;
      try {
        t = new BigDecimal(tolPercent ? tol.substring(0, tol.length() - 1).strip() : tol);
      } catch (NumberFormatException e) {
        t = null;
      }
      if (t == null || t.signum() < 0) {
        throw new DataException(file, claim.line(), claim.toleranceColumn(),
            "tolerance: expected a number >= 0 (or percentage points such as 0.5%), got '" + claim.tolerance() + "'");
      }
      if (tolPercent) {
        t = t.movePointLeft(2);
      }
      BigDecimal lo = value.subtract(t);
      BigDecimal hi = value.add(t);
      return new ClaimCheck(compare, lo, hi, false, false,
          "[" + plain(lo) + ", " + plain(hi) + "] (" + plain(value) + " +/- " + plain(t) + ")");
    }
    // Half a unit in the last printed digit.
    BigDecimal half = BigDecimal.valueOf(5, printed.scale() + 1);
    if (percent) {
      half = half.movePointLeft(2);
    }
    BigDecimal lo = value.subtract(half);
    BigDecimal hi = value.add(half);
    if (value.signum() > 0) {
      return new ClaimCheck(compare, lo, hi, false, true, "[" + plain(lo) + ", " + plain(hi) + ")");
    }
    if (value.signum() < 0) {
      return new ClaimCheck(compare, lo, hi, true, false, "(" + plain(lo) + ", " + plain(hi) + "]");
    }
    return new ClaimCheck(compare, lo, hi, false, false, "[" + plain(lo) + ", " + plain(hi) + "]");
  }

  /** Checks a computed value (NaN: not estimable, fails). */
  public ClaimResult check(Claim claim, double computed) {
    if (!Double.isFinite(computed)) {
      return new ClaimResult(claim, ClaimResult.Status.FAIL, computed, accepted,
          "computed: not estimable (null in the JSON)");
    }
    double x = compare == Compare.ABS ? Math.abs(computed) : computed;
    // The double as the decimal it prints as (shortest round-trip form), so 0.001 meets "<= 0.001".
    BigDecimal v = new BigDecimal(Numbers.shortest(x));
    boolean ok = true;
    if (low != null) {
      int c = v.compareTo(low);
      ok = lowOpen ? c > 0 : c >= 0;
    }
    if (ok && high != null) {
      int c = v.compareTo(high);
      ok = highOpen ? c < 0 : c <= 0;
    }
    String shown = compare == Compare.ABS ? "|" + sig(computed) + "| = " + sig(x) : sig(x);
    boolean bound = low == null || high == null;
    String message = shown + (bound ? (ok ? " " : " not ") : (ok ? " in " : " not in ")) + accepted;
    return new ClaimResult(claim, ok ? ClaimResult.Status.PASS : ClaimResult.Status.FAIL, computed, accepted, message);
  }

  /** Six significant digits, for messages. */
  public static String sig(double x) {
    if (!Double.isFinite(x)) {
      return "n/e";
    }
    if (x == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(x).round(new java.math.MathContext(6));
    return plain(b);
  }

  private static String plain(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    String t = s.toPlainString();
    return t.equals("-0") ? "0" : t;
  }
}
