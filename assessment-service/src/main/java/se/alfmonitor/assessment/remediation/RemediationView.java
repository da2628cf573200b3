package se.alfmonitor.assessment.remediation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A level a unit must remedy.
 *
 * @param outcome the outcome that keeps (or last kept) the level unmet: NOT_MET or PENDING_REVIEW
 * @param status OPEN, RESOLVED, or OVERDUE (open after the due date)
 */
public record RemediationView(
        String unitId,
        String regionCode,
        String campaignId,
        int level,
        String area,
        String outcome,
        LocalDate dueDate,
        String status,
        Instant openedAt,
        Instant resolvedAt) {
}
