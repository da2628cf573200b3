package se.alfmonitor.assessment.domain;

import java.util.List;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.SubmissionSubmitted;

/**
 * Stands in until the rule engine for the 27 minimum levels is in place: it decides no level, so every unit is
 * assessed with no levels met. It keeps the event pipeline whole and visibly incomplete.
 */
@DefaultBean
@ApplicationScoped
public class PlaceholderEvaluator implements LevelEvaluator {

    @Override
    public String ruleSetVersion() {
        return "none";
    }

    @Override
    public List<AssessmentCompleted.Level> evaluate(SubmissionSubmitted submission) {
        return List.of();
    }
}
