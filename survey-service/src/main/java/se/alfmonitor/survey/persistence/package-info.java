/**
 * The database: the Panache entities of units, campaigns, submissions, their revisions and audit events and bulk
 * imports (tables made by the Flyway migrations), {@code SubmissionLock}, the per-unit advisory lock every write of a
 * submission takes before it reads one, and {@code StorableText}, the rule that stored text holds no NUL. Entities
 * never leave the feature packages, whose services return records; the entities use two of their enums
 * ({@code submissions.SubmissionStatus}, {@code units.Provider}) and nothing else of them.
 */
package se.alfmonitor.survey.persistence;
