/**
 * The assessors' review queue of free-text examples: {@code ReviewService} (each distinct example of a unit, campaign
 * and level judged once; the decisions an evaluation reads, one by one or read for a whole batch as
 * {@code KnownReviews}), {@code ReviewDecisionService} (an assessor's decision, audited and applied to the unit's
 * assessment at once, under the unit's lock), their entities and views. Uses {@code assessment} to re-assess the unit,
 * {@code rules} for the requests an evaluation makes, and {@code reassessment}'s {@code LevelSummary.Review} (the
 * decision a stored level names) to tell whether a carried level still stands.
 */
package se.alfmonitor.assessment.review;
