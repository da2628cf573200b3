package se.alfmonitor.assessment.domain;

import java.util.List;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.SubmissionSubmitted;

/** Decides the outcome of every minimum level for one submitted revision. */
public interface LevelEvaluator {

    /** The version of the rule set the outcomes are computed under. */
    String ruleSetVersion();

    List<AssessmentCompleted.Level> evaluate(SubmissionSubmitted submission);
}
