/**
 * Remediation of unmet levels: one item per unit, campaign and level, opened, resolved and reopened as each new
 * assessment version is stored ({@code RemediationService.sync}, and {@code syncAll} for a batch in two statements,
 * touching only the levels whose outcome changed), and listed with OVERDUE derived when read. Also its entity and view.
 * Reads {@code assessment}'s entity and {@code reassessment}'s {@code LevelSummary}; nothing here makes an assessment
 * version.
 */
package se.alfmonitor.assessment.remediation;
