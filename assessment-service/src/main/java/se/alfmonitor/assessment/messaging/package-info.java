/**
 * The Kafka consumer of {@code alf.submissions.v1}: hands each event to the shared inbox of {@code alf-contract}
 * (idempotence, the transaction, the dead-letter topic), which calls {@code assessment.AssessmentService#assess}.
 * Publishing is not here: assessments leave through the transactional outbox the write paths fill.
 */
package se.alfmonitor.assessment.messaging;
