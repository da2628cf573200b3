package se.alfmonitor.survey.submissions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.alfmonitor.contract.problem.FieldError;
import se.alfmonitor.contract.problem.ProblemException;
import se.alfmonitor.survey.persistence.SubmissionEntity;

/**
 * The state an amendment is based on, from {@code expectedRevision} or {@code If-Match}, checked with the unit's lock
 * held. Two forms:
 * <ul>
 * <li>the submission's ETag, {@code "<revision>-<version>"}, which every write advances (a draft saved, a submit, an
 * amendment, a return, the campaign's lock): it holds only for the very state it was read from;</li>
 * <li>a bare revision number {@code n} (the contract's {@code expectedRevision}): "submitted revision n, as it was
 * submitted". It holds while the submission is {@code SUBMITTED} at revision n, so no longer once the submission has
 * been returned: a return starts no revision, and a revision number cannot tell whether its sender saw the
 * return.</li>
 * </ul>
 *
 * @param version null for a bare revision number
 */
public record Precondition(long revision, Long version) {

    private static final Pattern ETAG = Pattern.compile("(\\d{1,10})-(\\d{1,19})");

    public static Precondition revision(int revision) {
        return new Precondition(revision, null);
    }

    /** From an If-Match value: {@code "1-4"} (an ETag) or {@code "3"}, {@code W/"3"}, {@code 3} (a revision). */
    public static Precondition ifMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.replace("W/", "").replace("\"", "").trim();
        try {
            return revision(Integer.parseInt(tag));
        } catch (NumberFormatException notARevision) {
            Matcher etag = ETAG.matcher(tag);
            try {
                if (etag.matches()) {
                    return new Precondition(Long.parseLong(etag.group(1)), Long.valueOf(etag.group(2)));
                }
            } catch (NumberFormatException tooLarge) {
                // answered below like any other value that names no state
            }
        }
        throw ProblemException.badRequest("INVALID_IF_MATCH", "If-Match must be the submission's ETag, e.g. "
                + "\"3-7\", or a revision, e.g. \"3\"", List.of(new FieldError("INVALID_IF_MATCH", "?If-Match",
                        "Neither an ETag nor a revision: " + ifMatch)));
    }

    /** The ETag of a submission's current state (without the quotes of the header). */
    public static String etagOf(SubmissionEntity submission) {
        return submission.revision + "-" + submission.version;
    }

    /** 409 {@code REVISION_CONFLICT} unless the submission is still in the state this names. */
    public void require(SubmissionEntity submission) {
        if (version == null ? submission.status == SubmissionStatus.SUBMITTED && submission.revision == revision
                : submission.revision == revision && submission.version == version) {
            return;
        }
        String current = "revision " + submission.revision + " (ETag \"" + etagOf(submission) + "\")";
        String detail = version == null && submission.status == SubmissionStatus.RETURNED
                && submission.revision == revision
                        ? "Submission " + submission.id + " was returned for correction after revision " + revision
                                + " (see returnComment); read it again and amend with If-Match: \""
                                + etagOf(submission) + "\", or edit the draft and submit it"
                        : "Submission " + submission.id + " is at " + current + ", not at "
                                + (version == null ? "revision " + revision : "\"" + revision + "-" + version + "\"")
                                + "; read it again and retry";
        throw ProblemException.conflict("REVISION_CONFLICT", detail);
    }
}
