package se.alfmonitor.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.alfmonitor.assessment.persistence.LevelSummary;
import se.alfmonitor.contract.events.LevelOutcome;

/** The stored level summary (V4, with the row holding a carried level's text since V5). */
class LevelSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<LevelSummary>> SUMMARY = new TypeReference<>() {
    };

    @Test
    void summariesWrittenBeforeCarriedLevelsWereStubsReadWithTheTextInTheirOwnRow() throws Exception {
        assertThat(JSON.readValue("[[1, \"FORSKNING\", \"MET\", false], [18, \"FORSKNING\", \"PENDING_REVIEW\", true]]",
                SUMMARY)).containsExactly(new LevelSummary(1, "FORSKNING", LevelOutcome.MET, false, null),
                        new LevelSummary(18, "FORSKNING", LevelOutcome.PENDING_REVIEW, true, null));
    }

    @Test
    void aSummaryReadsBackAsWritten() throws Exception {
        List<LevelSummary> summary = List.of(new LevelSummary(2, "UTBILDNING", LevelOutcome.NOT_MET, false, 42L),
                new LevelSummary(3, "UTBILDNING", LevelOutcome.MET, false, null));
        String written = JSON.writeValueAsString(summary);
        assertThat(written).isEqualTo("[[2,\"UTBILDNING\",\"NOT_MET\",false,42],[3,\"UTBILDNING\",\"MET\",false,null]]");
        assertThat(JSON.readValue(written, SUMMARY)).isEqualTo(summary);
    }
}
