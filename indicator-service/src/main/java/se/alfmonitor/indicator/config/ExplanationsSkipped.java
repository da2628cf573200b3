package se.alfmonitor.indicator.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import se.alfmonitor.contract.events.AssessmentCompleted;

/**
 * Of an assessment event's levels, indicator-service reads only their number and outcome. Each level's explanation
 * (bilingual texts and the units' example texts: most of an event's 20 kB) is skipped while the event is parsed,
 * not built into a tree: a poll of 500 events during a re-assessment then stays a few MB, where the trees took more
 * than the service's heap.
 */
@Singleton
public class ExplanationsSkipped implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(AssessmentCompleted.Level.class, LevelWithoutExplanation.class);
    }

    /** Ignored when read, written when present (this service writes no assessment events). */
    @JsonIgnoreProperties(value = "explanation", allowGetters = true)
    private interface LevelWithoutExplanation {
    }
}
