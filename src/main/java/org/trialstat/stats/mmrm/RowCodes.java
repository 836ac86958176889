package org.trialstat.stats.mmrm;

import java.util.Arrays;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.RowInputs;

/**
 * The {@link DesignRows} code of each observation's design row, the row computed only for inputs not
 * seen before. A design row is a function of the observation's factor levels and numeric values
 * ({@link RowInputs}); so the code of its inputs determines the row's code, and the first observation
 * with a given row is also the first with its inputs: a miss. Therefore {@link #code} returns the codes
 * of {@code rows.code(x.row(obs))} computed for every observation, in the same order of first
 * appearance, and the dictionary ends with the same rows in the same order, bit for bit. For a million
 * participants (a few hundred distinct inputs in 4 million observations) this replaces a row computed
 * term by term and hashed in p values per observation by a hash of a few inputs. When more than half of
 * the first 4,096 observations bring new inputs (a continuous covariate), the memo is dropped and every
 * row is coded directly, which gives the same codes.
 */
final class RowCodes {

  /**
   * The most distinct inputs remembered (past it, new inputs are coded directly): 2^16, about 0.5 MB of
   * keys per input variable.
   */
  static final int MEMO_LIMIT = 1 << 16;

  /** Observations coded before {@link #code} checks whether the memo pays. */
  private static final int TRIAL = 4096;

  private final DesignMatrix x;
  private final DesignRows rows;
  /** The inputs seen, or null once they proved mostly distinct (a continuous covariate). */
  private RowInputs inputs;
  private final double[] buf;
  private int calls;
  /** The row code of each input code, -1 when not yet known. */
  private int[] memo = new int[64];

  RowCodes(DesignMatrix x, DesignRows rows) {
    this(x, rows, MEMO_LIMIT);
  }

  /** As above, remembering at most {@code limit} inputs (for tests). */
  RowCodes(DesignMatrix x, DesignRows rows, int limit) {
    this.x = x;
    this.rows = rows;
    this.inputs = x.inputs(limit);
    this.buf = new double[x.columns()];
    Arrays.fill(memo, -1);
  }

  /** The code of observation {@code obs}'s design row in {@code rows}, added when new. */
  int code(int obs) {
    if (inputs == null) {
      return direct(x, rows, buf, obs);
    }
    if (++calls == TRIAL && inputs.size() * 2 > TRIAL) {
      inputs = null; // more than half of the inputs new: each would cost a look-up and then the row anyway
      return direct(x, rows, buf, obs);
    }
    int in = inputs.code(obs);
    if (in >= 0 && in < memo.length && memo[in] >= 0) {
      return memo[in];
    }
    int c = direct(x, rows, buf, obs);
    if (in >= 0) {
      if (in >= memo.length) {
        int old = memo.length;
        memo = Arrays.copyOf(memo, Math.max(old * 2, in + 1));
        Arrays.fill(memo, old, memo.length, -1);
      }
      memo[in] = c;
    }
    return c;
  }

  /** The code computed from the row itself (the reference of {@link #code}). */
  static int direct(DesignMatrix x, DesignRows rows, double[] buf, int obs) {
    Arrays.fill(buf, 0);
    x.row(obs, buf, 0);
    return rows.code(buf, 0);
  }
}
