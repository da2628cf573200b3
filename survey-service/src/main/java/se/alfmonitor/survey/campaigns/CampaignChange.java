package se.alfmonitor.survey.campaigns;

import java.time.LocalDate;

/**
 * A campaign as an administrator creates or replaces it; any field may be missing, and every problem is reported at
 * once. The status is {@code OPEN} (the default) or {@code CLOSED}: locking is {@link CampaignService#lock}.
 */
public record CampaignChange(
        Campaign.QuestionnaireRef questionnaire,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate referenceDate,
        LocalDate opens,
        LocalDate closes,
        LocalDate remediationDue,
        String status) {
}
