package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.MeanSummary;
import org.trialstat.model.Proportion;
import org.trialstat.model.SummaryInput;
import org.trialstat.model.SummaryResult;
import org.trialstat.model.SummaryResult.SdSource;
import org.trialstat.stats.ProportionInterval;
import org.trialstat.stats.SampleStatistics;
import org.trialstat.stats.SpreadConversion;

/**
 * One arm of {@code trialstat summary}: its baseline and change summaries from the published n, mean
 * and spread, the change's SD taken from {@code change_sd}, {@code change_se} or the CI with the
 * conversion and its numbers stated (Cochrane Handbook 6.5.2.2; see {@link SummaryAnalysis}), the
 * warning for an SD that looks like an SE, and the Wilson rate of each endpoint's events.
 */
final class SummaryArm {

  private SummaryArm() {
  }

  /** The arm of summary row {@code r}; notes and warnings about it are added to the lists. */
  static SummaryResult.Arm of(SummaryInput.Row r, boolean isControl, SummaryRequest request,
      List<String> notes, List<String> warnings) {
    double level = request.confLevel();
    MeanSummary baseline = Double.isNaN(r.baselineMean()) ? null
        : SampleStatistics.fromSummary(r.n(), r.baselineMean(), r.baselineSd(), level);
    MeanSummary change = null;
    SdSource source = SdSource.NONE;
    String conversion = null;
    boolean approximate = false;
    double mean = r.changeMean();
    if (Double.isNaN(mean) && !Double.isNaN(r.changeCiLow())) {
      mean = (r.changeCiLow() + r.changeCiHigh()) / 2;
      notes.add(r.arm() + ": mean change not reported; taken as the midpoint of its CI, " + SummaryAnalysis.g(mean) + ".");
    }
    if (Double.isNaN(mean)) {
      notes.add(r.arm() + ": change from baseline not reported.");
    } else {
      double sd = Double.NaN;
      if (!Double.isNaN(r.changeSd())) {
        sd = r.changeSd();
        source = SdSource.REPORTED;
        if (!Double.isNaN(r.changeSe()) || !Double.isNaN(r.changeCiLow())) {
          notes.add(r.arm() + ": the reported SD of the change is used; its SE/CI columns are not.");
        }
      } else if (!Double.isNaN(r.changeSe())) {
        sd = SpreadConversion.sdFromSe(r.changeSe(), r.n());
        source = SdSource.SE;
        conversion = String.format(Locale.ROOT, "SD = SE x sqrt(n) = %s x sqrt(%d) = %s (Cochrane Handbook 6.5.2.2)",
            SummaryAnalysis.g(r.changeSe()), r.n(), SummaryAnalysis.g(sd));
        approximate = r.changeFromModel();
        if (approximate) {
          conversion += "; approximate: the published SE came from a model, not from the raw changes";
        }
      } else if (!Double.isNaN(r.changeCiLow())) {
        if (r.n() < 2) {
          notes.add(r.arm() + ": n = 1: no SD can be derived from the CI.");
        } else {
          double t = SpreadConversion.tCritical(r.n(), request.inputCiLevel());
          double se = SpreadConversion.seFromCi(r.changeCiLow(), r.changeCiHigh(), r.n(), request.inputCiLevel());
          sd = se * Math.sqrt(r.n());
          source = SdSource.CI;
          approximate = r.changeFromModel();
          conversion = String.format(Locale.ROOT,
              "SD from the %s CI (%s, %s): SE = (upper - lower) / (2 x t(%s, %d)) = %s / (2 x %s) = %s, "
                  + "SD = SE x sqrt(%d) = %s (Cochrane Handbook 6.5.2.2); %s",
              pct(request.inputCiLevel()), SummaryAnalysis.g(r.changeCiLow()), SummaryAnalysis.g(r.changeCiHigh()),
              SummaryAnalysis.g(1 - (1 - request.inputCiLevel()) / 2), r.n() - 1, SummaryAnalysis.g(r.changeCiHigh() - r.changeCiLow()), SummaryAnalysis.g(t), SummaryAnalysis.g(se),
              r.n(), SummaryAnalysis.g(sd), approximate
                  ? "approximate: the published CI came from a model (for example LS means), so this is the SD "
                      + "that would give the model's SE with n participants"
                  : "exact when the CI is the t interval of the raw mean change, approximate when it came from a "
                      + "model");
        }
      } else {
        notes.add(r.arm() + ": no SD, SE or CI of the change reported: the change has no SD, and t tests and "
            + "d are not computed.");
      }
      change = SampleStatistics.fromSummary(r.n(), mean, sd, level);
      if (Double.isFinite(sd) && sd > 0 && Math.abs(mean) / sd > SummaryAnalysis.SD_LOOKS_LIKE_SE_WITHIN) {
        warnings.add(String.format(Locale.ROOT,
            "%s: |mean change| / SD = %s / %s = %s, implausibly large (> %s): is %s an SE or a CI half-width "
                + "rather than an SD? Put an SE in change_se, a CI in change_ci_low/change_ci_high.",
            r.arm(), SummaryAnalysis.g(Math.abs(mean)), SummaryAnalysis.g(sd), ratio(Math.abs(mean) / sd), SummaryAnalysis.g(SummaryAnalysis.SD_LOOKS_LIKE_SE_WITHIN),
            source == SdSource.REPORTED ? "the reported SD" : "the " + source.key() + " column's value"));
      }
    }
    List<Proportion> rates = new ArrayList<>();
    List<BinaryEndpoint> endpoints = new ArrayList<>();
    for (SummaryInput.Events e : r.events()) {
      rates.add(ProportionInterval.WILSON.of(e.events(), e.n(), level));
      endpoints.add(e.endpoint());
    }
    return new SummaryResult.Arm(r.arm(), isControl, r.n(), r.randomized(), baseline, change, source, conversion,
        approximate, rates, endpoints);
  }

  /** One decimal (as printed since the first release) below 1e6, four significant digits above. */
  private static String ratio(double x) {
    return x < 1e6 ? String.format(Locale.ROOT, "%.1f", x) : SummaryAnalysis.g(x);
  }

  private static String pct(double level) {
    return SummaryAnalysis.g(100 * level) + "%";
  }
}
