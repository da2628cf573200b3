package se.alfmonitor.survey.api.campaigns;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.survey.campaigns.Campaign;
import se.alfmonitor.survey.campaigns.CampaignChange;

/** Body of {@code PUT /api/campaigns/{id}} (admin). Locking goes through {@code POST /api/campaigns/{id}/lock}. */
public record CampaignRequest(
        CampaignDto.QuestionnaireRef questionnaire,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate referenceDate,
        LocalDate opens,
        LocalDate closes,
        LocalDate remediationDue,
        @Schema(enumeration = { "OPEN", "CLOSED" }, description = "OPEN when left out; locking is POST "
                + "/api/campaigns/{id}/lock") String status) {

    static CampaignChange toChange(CampaignRequest r) {
        Campaign.QuestionnaireRef questionnaire = r.questionnaire() == null ? null
                : new Campaign.QuestionnaireRef(r.questionnaire().key(), r.questionnaire().version());
        return new CampaignChange(questionnaire, r.periodStart(), r.periodEnd(), r.referenceDate(), r.opens(),
                r.closes(), r.remediationDue(), r.status());
    }
}
