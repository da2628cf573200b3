package se.alfmonitor.survey.api;

import java.time.LocalDate;

/** Body of {@code PUT /api/campaigns/{id}} (admin). Locking goes through {@code POST /api/campaigns/{id}/lock}. */
public record CampaignRequest(
        CampaignDto.QuestionnaireRef questionnaire,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate referenceDate,
        LocalDate opens,
        LocalDate closes,
        LocalDate remediationDue,
        String status) {
}
