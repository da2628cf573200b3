/**
 * The audit history of the registry: {@code RegistryAudit} writes one {@code registry_event} row per change of a unit
 * or a campaign, in the transaction of the change, with the actor, the time and the fields changed
 * ({@code [{field, before, after}]}, as the submissions' history lists changed answers), and reads a subject's
 * history back as {@code RegistryChange}s. Used by {@code units} and {@code campaigns}; uses only {@code persistence}.
 */
package se.alfmonitor.survey.audit;
