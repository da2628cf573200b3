/**
 * Simulations of a candidate rule set on a campaign: what publishing it would change, computed without publishing
 * anything. {@code Simulations} takes requests and runs them one at a time on a dedicated worker,
 * {@code SimulationRunner} evaluates the campaign's latest assessments in read-only batches along the publication's
 * own path ({@code reassessment.ReassessmentService#read}, {@code reassessment.BatchReassessment#evaluateAll}, with
 * {@code review.ReviewService#decisionsWithoutQueueing}), {@code SimulationTally} and {@code ComplianceMatrix} count
 * the outcomes before and after, {@code SimulationCsv} exports the changed units; the results are stored in their
 * own tables. Uses {@code rules}, {@code reassessment}, {@code review} and {@code assessment}'s entity; nothing but
 * {@code api} uses it, and nothing here makes an assessment version, a review item, a remediation change or an event.
 */
package se.alfmonitor.assessment.simulation;
