package se.alfmonitor.assessment.remediation;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(enumeration = { "GENERAL", "RESEARCH", "EDUCATION", "DEVELOPMENT" }) String area,
        @Schema(enumeration = { "NOT_MET", "PENDING_REVIEW" }) String outcome,
        LocalDate dueDate,
        @Schema(enumeration = { "OPEN", "RESOLVED", "OVERDUE" }) String status,
        Instant openedAt,
        Instant resolvedAt) {
}
