package se.alfmonitor.assessment.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The filters of {@code GET /api/assessments} over the latest assessment of each unit; a null field is no filter.
 * {@code regionCode} is the region after the caller's scope is applied.
 */
public record AssessmentFilter(String campaignId, String regionCode, String unitId, AssessmentStatus status,
        Boolean hasPendingReviews) {

    QueryFilter toQuery() {
        QueryFilter filter = QueryFilter.where("latest = true")
                .eq("campaignId", campaignId)
                .eq("regionCode", regionCode)
                .eq("unitId", unitId)
                .eq("allMet", status == null ? null : status == AssessmentStatus.ALL_MET);
        if (hasPendingReviews != null) {
            filter.and(hasPendingReviews ? "pendingReviews > 0" : "pendingReviews = 0");
        }
        return filter;
    }

    /**
     * A short digest of the filters, carried in a page cursor so that a cursor is only accepted with the filters
     * of the walk it belongs to (its position means nothing in another result).
     */
    public String fingerprint() {
        String joined = Stream.of(campaignId, regionCode, unitId, status, hasPendingReviews)
                .map(v -> Objects.toString(v, "\u0001"))
                .collect(Collectors.joining("\u0000"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
