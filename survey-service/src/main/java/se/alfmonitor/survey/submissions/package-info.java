/**
 * Submissions, the heart of the service. {@code SubmissionDrafts} (drafts saved, a draft submitted, the dry run),
 * {@code SubmissionAmendments} (amendments guarded by a {@code Precondition}, an assessor's return) and
 * {@code SubmissionQueries} (one, a page, history, revisions) are the services; {@code SubmissionWrites} holds the
 * steps every write shares (the unit's {@code persistence.SubmissionLock} taken before the submission is read, a new
 * revision with its audit entry and its event in the outbox) and {@code SubmissionTargets} resolves a campaign and
 * unit. They take and return records ({@code Draft}, {@code Candidate}, {@code Submission}, {@code Saved},
 * {@code Revision}, {@code Transition}, {@code SubmissionList}), never entities. Uses {@code campaigns},
 * {@code units}, {@code questionnaire}, {@code persistence} and {@code security}; used by {@code api},
 * {@code imports} and {@code demo}.
 */
package se.alfmonitor.survey.submissions;
