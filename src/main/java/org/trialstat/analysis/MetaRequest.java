package org.trialstat.analysis;

import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.MetaSettings;

/**
 * What {@code trialstat meta} computes.
 *
 * @param settings    the model options
 * @param endpoint    the binary endpoint of arm-level input, or null for the change from baseline
 * @param leaveOneOut whether to refit without each study
 * @param cumulative  whether to add studies one at a time by year
 * @param subgroups   whether a subgroup column was given
 */
public record MetaRequest(MetaSettings settings, BinaryEndpoint endpoint, boolean leaveOneOut, boolean cumulative,
    boolean subgroups) {
}
