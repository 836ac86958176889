package org.trialstat.analysis;

import java.util.List;
import org.trialstat.model.AnalysisSettings;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.TrialData;

/**
 * A trial ready for estimation: the data, the resolved settings, each participant's baseline and
 * endpoint (sorted by id), the endpoints the data define, and the row accounting. No I/O happens after
 * this point; imputation or resampling builds further prepared trials and estimates each.
 *
 * @param data         the validated data
 * @param settings     the settings resolved against the data
 * @param participants every participant in id order
 * @param endpoints    the binary endpoints the data and settings define
 * @param rows         the row accounting
 * @param notes        notes on the data and settings, for footnotes
 * @param mmrm         whether the repeated-measures model is fitted
 * @param strictness   whether a data problem is an error
 * @param strata       the strata columns of {@code analyze --strata} (empty: no stratified analysis)
 * @param covariates   the --covariate and --factor columns of the ANCOVA and the MMRM
 * @param plan         --compare, --adjust and --dose-col
 * @param mmrmPlan     the MMRM's visits and covariance, null when {@code mmrm} is false
 */
record PreparedTrial(TrialData data, AnalysisSettings settings, List<Participant> participants,
    List<BinaryEndpoint> endpoints, RowAccounting rows, List<String> notes, boolean mmrm,
    AnalysisRequest.Strictness strictness, List<String> strata, ModelCovariates covariates,
    ComparisonPlan plan, MmrmPlan mmrmPlan) {

  PreparedTrial {
    if (plan == null) {
      plan = ComparisonPlan.DEFAULT;
    }
    if (covariates == null) {
      covariates = ModelCovariates.NONE;
    }
    participants = List.copyOf(participants);
    endpoints = List.copyOf(endpoints);
    notes = List.copyOf(notes);
    strata = List.copyOf(strata);
  }

  /** A prepared trial without strata. */
  PreparedTrial(TrialData data, AnalysisSettings settings, List<Participant> participants,
      List<BinaryEndpoint> endpoints, RowAccounting rows, List<String> notes, boolean mmrm,
      AnalysisRequest.Strictness strictness) {
    this(data, settings, participants, endpoints, rows, notes, mmrm, strictness, List.of(), ModelCovariates.NONE,
        ComparisonPlan.DEFAULT, null);
  }
}
