package se.alfmonitor.assessment.reassessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.alfmonitor.contract.events.AssessmentCompleted;
import se.alfmonitor.contract.events.LevelOutcome;

/** The stored level summary (V4, with the row holding a carried level and the decision it names since V5). */
class LevelSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<LevelSummary>> SUMMARY = new TypeReference<>() {
    };

    @Test
    void summariesWrittenBeforeCarriedLevelsWereStubsReadWithTheTextInTheirOwnRowAndNoDecision() throws Exception {
        assertThat(JSON.readValue("[[1, \"FORSKNING\", \"MET\", false], [18, \"FORSKNING\", \"PENDING_REVIEW\", true]]",
                SUMMARY)).containsExactly(new LevelSummary(1, "FORSKNING", LevelOutcome.MET, false, null, null),
                        new LevelSummary(18, "FORSKNING", LevelOutcome.PENDING_REVIEW, true, null, null));
    }

    @Test
    void aSummaryReadsBackAsWritten() throws Exception {
        List<LevelSummary> summary = List.of(new LevelSummary(2, "UTBILDNING", LevelOutcome.NOT_MET, false, 42L, null),
                new LevelSummary(18, "FORSKNING", LevelOutcome.MET, true, null,
                        new LevelSummary.Review("c0ffee", "APPROVED", "Bra", "assessor")));
        String written = JSON.writeValueAsString(summary);
        assertThat(written).isEqualTo("[[2,\"UTBILDNING\",\"NOT_MET\",false,42,null],"
                + "[18,\"FORSKNING\",\"MET\",true,null,[\"c0ffee\",\"APPROVED\",\"Bra\",\"assessor\"]]]");
        assertThat(JSON.readValue(written, SUMMARY)).isEqualTo(summary);
    }

    @Test
    void theDecisionALevelNamesIsKeptThroughItsStubUnlessAnOverrideIsPartOfIt() throws Exception {
        AssessmentCompleted.Level reviewed = level(18, "{\"sv\":\"Uppfylld\",\"review\":{\"item\":\"F7\","
                + "\"status\":\"APPROVED\",\"id\":\"c0ffee\",\"comment\":null,\"decidedBy\":\"assessor\"}}");
        LevelSummary.Review named = new LevelSummary.Review("c0ffee", "APPROVED", null, "assessor");
        assertThat(LevelSummary.of(List.of(reviewed))).containsExactly(
                new LevelSummary(18, "FORSKNING", LevelOutcome.MET, true, null, named));

        AssessmentCompleted.Level stub = new AssessmentCompleted.Level(18, "FORSKNING", LevelOutcome.MET,
                CarriedLevels.stub(7, named));
        assertThat(LevelSummary.of(List.of(stub))).containsExactly(
                new LevelSummary(18, "FORSKNING", LevelOutcome.MET, true, 7L, named));

        AssessmentCompleted.Level overridden = level(18, "{\"override\":{\"id\":\"1\"},\"review\":{\"item\":\"F7\","
                + "\"status\":\"APPROVED\",\"id\":\"c0ffee\"}}");
        assertThat(LevelSummary.of(List.of(overridden))).containsExactly(
                new LevelSummary(18, "FORSKNING", LevelOutcome.MET, true, null, null));
    }

    private static AssessmentCompleted.Level level(int number, String explanation) throws Exception {
        return new AssessmentCompleted.Level(number, "FORSKNING", LevelOutcome.MET,
                JSON.readTree(explanation));
    }
}
