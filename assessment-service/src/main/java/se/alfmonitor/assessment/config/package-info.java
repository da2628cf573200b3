/**
 * Configuration of the service: {@code AssessmentConfig} ({@code alf.assessment.*}: rule set files and directory,
 * remediation due dates, the re-assessment batch size and parallelism, the consistency check's schedule). Used by other
 * packages; uses none.
 */
package se.alfmonitor.assessment.config;
