package se.alfmonitor.survey.submissions;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.persistence.SubmissionEntity;
import se.alfmonitor.survey.persistence.SubmissionEventEntity;
import se.alfmonitor.survey.persistence.SubmissionRevisionEntity;
import se.alfmonitor.survey.security.Actor;

/** Reading submissions: one, a filtered page, the audit history and the submitted revisions. Writes nothing. */
@ApplicationScoped
public class SubmissionQueries {

    public Submission get(UUID id, Actor actor) {
        SubmissionEntity submission = find(id);
        actor.requireRegion(submission.regionCode);
        return Submission.of(submission);
    }

    /** A submission's status, null when there is none; for the bulk import, which decides imported or updated. */
    public SubmissionStatus statusOf(UUID id) {
        SubmissionEntity submission = SubmissionEntity.findById(id);
        return submission == null ? null : submission.status;
    }

    public SubmissionList list(String campaignId, String regionCode, String unitId, SubmissionStatus status,
            int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (campaignId != null) {
            where.append(" and campaignId = :campaignId");
            parameters.and("campaignId", campaignId);
        }
        if (regionCode != null) {
            where.append(" and regionCode = :regionCode");
            parameters.and("regionCode", regionCode);
        }
        if (unitId != null) {
            where.append(" and unitId = :unitId");
            parameters.and("unitId", unitId);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        PanacheQuery<SubmissionEntity> query = SubmissionEntity.find(where.toString(),
                Sort.by("campaignId").and("unitId").and("id"), parameters);
        List<Submission> items = query.page(Page.of(page, size)).list().stream().map(Submission::of).toList();
        return new SubmissionList(items, page, size, query.count());
    }

    public List<Transition> history(UUID id, Actor actor) {
        SubmissionEntity submission = find(id);
        actor.requireRegion(submission.regionCode);
        return SubmissionEventEntity.<SubmissionEventEntity> list("submissionId", Sort.by("id"), id).stream()
                .map(Transition::of).toList();
    }

    public List<Revision> revisions(UUID id, Actor actor) {
        SubmissionEntity submission = find(id);
        actor.requireRegion(submission.regionCode);
        return SubmissionRevisionEntity.<SubmissionRevisionEntity> list("submissionId", Sort.by("revision"), id)
                .stream().map(Revision::of).toList();
    }

    public Revision revision(UUID id, int revision, Actor actor) {
        SubmissionEntity submission = find(id);
        actor.requireRegion(submission.regionCode);
        SubmissionRevisionEntity found = SubmissionRevisionEntity
                .findById(new SubmissionRevisionEntity.Key(id, revision));
        if (found == null) {
            throw ProblemException.notFound("REVISION_NOT_FOUND", "Submission " + id + " has no revision "
                    + revision);
        }
        return Revision.of(found);
    }

    private static SubmissionEntity find(UUID id) {
        SubmissionEntity submission = SubmissionEntity.findById(id);
        if (submission == null) {
            throw ProblemException.notFound("SUBMISSION_NOT_FOUND", "No submission " + id);
        }
        return submission;
    }
}
