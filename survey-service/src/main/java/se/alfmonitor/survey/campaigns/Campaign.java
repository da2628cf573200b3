package se.alfmonitor.survey.campaigns;

import java.time.LocalDate;

import se.alfmonitor.survey.questionnaire.QuestionnaireLevel;

/**
 * A campaign: which questionnaire version is answered for which period, its published window, its status
 * ({@code OPEN}, {@code CLOSED}, {@code LOCKED}) and the questionnaire's level (UNIT: one submission per unit; REGION:
 * one per ALF region under its pseudo unit {@code REGION-<code>}).
 */
public record Campaign(
        String id,
        QuestionnaireRef questionnaire,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate referenceDate,
        LocalDate opens,
        LocalDate closes,
        LocalDate remediationDue,
        String status,
        QuestionnaireLevel level) {

    /** A published questionnaire version. */
    public record QuestionnaireRef(String key, String version) {
    }
}
