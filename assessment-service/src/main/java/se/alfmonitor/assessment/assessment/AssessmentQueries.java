package se.alfmonitor.assessment.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.assessment.reassessment.CarriedLevels;

/**
 * Reads the latest assessment of each unit for {@code GET /api/assessments}: all at once, or a page at a time in a
 * keyset walk ordered by unit id and campaign id. The key of a unit's latest assessment does not change when a new
 * version of it is made, so a walk sees every unit that was assessed when it began exactly once, in its newest
 * version at the moment its page is read, however many assessments arrive meanwhile; a unit assessed for the first
 * time during the walk is seen if its key lies after the cursor.
 */
@ApplicationScoped
public class AssessmentQueries {

    private final CarriedLevels carried;

    public AssessmentQueries(CarriedLevels carried) {
        this.carried = carried;
    }

    /** One page of a walk. */
    public record Page<T>(List<T> items, Optional<PageCursor> next) {
    }

    /** Every match, ordered by unit id and campaign id. */
    public List<AssessmentEntity> all(AssessmentFilter filter) {
        QueryFilter query = filter.toQuery();
        return AssessmentEntity.<AssessmentEntity>find(query.query(), order(), query.params()).list();
    }

    /** Up to {@code limit} matches after {@code after} (from the start when null), and the cursor of the next page. */
    public Page<AssessmentEntity> page(AssessmentFilter filter, PageCursor after, int limit) {
        QueryFilter query = filter.toQuery();
        if (after != null) {
            query.and("(unitId > :afterUnit or (unitId = :afterUnit and campaignId > :afterCampaign))",
                    Map.of("afterUnit", after.unitId(), "afterCampaign", after.campaignId()));
        }
        List<AssessmentEntity> found = new ArrayList<>(AssessmentEntity.<AssessmentEntity>find(query.query(),
                order(), query.params()).page(io.quarkus.panache.common.Page.ofSize(limit + 1)).list());
        Optional<PageCursor> next = Optional.empty();
        if (found.size() > limit) {
            found = found.subList(0, limit);
            next = Optional.of(PageCursor.after(found.get(limit - 1), filter));
        }
        return new Page<>(found, next);
    }

    /** The full view, explanations composed where a re-assessment carried levels over. */
    public List<AssessmentView> views(List<AssessmentEntity> found) {
        carried.compose(found);
        return found.stream().map(AssessmentService::toView).toList();
    }

    /**
     * The summary view, read from the stored level summaries; only versions written before those existed have
     * their levels composed.
     */
    public List<AssessmentSummary> summaries(List<AssessmentEntity> found) {
        carried.compose(found.stream().filter(a -> a.levelSummary == null || a.areas == null).toList());
        return found.stream().map(AssessmentQueries::summary).toList();
    }

    private static AssessmentSummary summary(AssessmentEntity a) {
        List<AssessmentSummary.Level> levels = a.levelSummary != null
                ? a.levelSummary.stream().map(l -> new AssessmentSummary.Level(l.number(), l.area(), l.outcome()))
                        .toList()
                : a.levels.stream().map(l -> new AssessmentSummary.Level(l.number(), l.area(), l.outcome())).toList();
        return new AssessmentSummary(a.unitId, a.regionCode, a.campaignId, a.submissionId, a.submissionRevision,
                a.version, a.ruleSetVersion, a.assessedAt, a.metCount, a.allMet, a.pendingReviews,
                a.areas == null ? AssessmentService.areas(a.levels) : a.areas, levels);
    }

    private static Sort order() {
        return Sort.by("unitId").and("campaignId");
    }
}
