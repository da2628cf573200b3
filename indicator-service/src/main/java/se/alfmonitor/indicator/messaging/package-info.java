/**
 * The Kafka consumers of {@code alf.assessments.v1}, {@code alf.submissions.v1} and {@code alf.units.v1}: each hands
 * a poll (or an event) to the shared inbox of {@code alf-contract}, which gives idempotence, the transaction and the
 * dead-letter topics, and calls one class of {@code indicators}. Publishing is not here: values leave through the
 * outbox that {@code values.ValueStore} writes.
 */
package se.alfmonitor.indicator.messaging;
