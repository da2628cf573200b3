/**
 * Everything that exists to publish a rule set at scale: {@code ReassessmentService} (activation, then batches in
 * parallel, each under its units' locks), {@code BatchReassessment} (a batch's evaluation, carry-over of unchanged
 * levels and its constant number of statements; its evaluation, {@code evaluateAll}, is also what a simulation runs,
 * with {@code ReassessmentService#read}), {@code CarriedLevels} (stubs of carried levels and their composition
 * from the bytes stored), {@code LevelSummary} (what re-assessing needs of a stored level),
 * {@code AssessmentEventPayloads} and {@code EventSplice} (the relay finishing a referring outbox row by splicing the
 * composed levels in as bytes) and {@code StoredJson}. These are the hot paths of a publication: they read and write
 * JSON as bytes and add no parsing or copying per unit. Builds on {@code assessment} (entity, lock, how one version is
 * made), {@code rules}, {@code review}, {@code override} and {@code remediation}.
 */
package se.alfmonitor.assessment.reassessment;
