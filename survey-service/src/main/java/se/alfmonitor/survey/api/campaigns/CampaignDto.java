package se.alfmonitor.survey.api.campaigns;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.survey.campaigns.Campaign;
import se.alfmonitor.survey.questionnaire.QuestionnaireLevel;

/**
 * A campaign as the contract shows it, plus the questionnaire's {@code level} (UNIT: one submission per unit;
 * REGION: one per ALF region under its pseudo unit {@code REGION-<code>}).
 */
public record CampaignDto(
        String id,
        QuestionnaireRef questionnaire,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate referenceDate,
        LocalDate opens,
        LocalDate closes,
        LocalDate remediationDue,
        @Schema(enumeration = { "OPEN", "CLOSED", "LOCKED" }) String status,
        QuestionnaireLevel level) {

    public record QuestionnaireRef(String key, String version) {
    }

    static CampaignDto from(Campaign c) {
        return new CampaignDto(c.id(), new QuestionnaireRef(c.questionnaire().key(), c.questionnaire().version()),
                c.periodStart(), c.periodEnd(), c.referenceDate(), c.opens(), c.closes(), c.remediationDue(),
                c.status(), c.level());
    }
}
