package se.alfmonitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;
import se.alfmonitor.indicator.config.ExplanationsSkipped;

/** An assessment event read as indicator-service reads it: its levels' explanations are skipped, the rest is kept. */
class ExplanationsSkippedTest {

    @Test
    void levelsAreReadWithoutTheirExplanations() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new ExplanationsSkipped().customize(mapper);

        AssessmentCompleted read = mapper.readValue("""
                {"unitId": "U1", "regionCode": "01", "campaignId": "alf-2018-2021", "version": 2, "metCount": 1,
                 "allMet": false, "pendingReviews": 0,
                 "levels": [{"number": 1, "area": "FORSKNING", "outcome": "MET",
                             "explanation": {"sv": "Uppfylld.", "items": [{"id": "1.1", "answer": "JA"}]}},
                            {"number": 2, "explanation": null, "area": "FORSKNING", "outcome": "NOT_MET"}]}""",
                AssessmentCompleted.class);

        assertThat(read.version()).isEqualTo(2);
        assertThat(read.levels()).containsExactly(
                new AssessmentCompleted.Level(1, "FORSKNING", LevelOutcome.MET, null),
                new AssessmentCompleted.Level(2, "FORSKNING", LevelOutcome.NOT_MET, null));
    }
}
