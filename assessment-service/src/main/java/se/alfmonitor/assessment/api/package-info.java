/**
 * The REST resources under {@code /api}: each maps HTTP to one call of {@code assessment}, {@code reassessment},
 * {@code review}, {@code override}, {@code remediation}, {@code rules}, {@code simulation} or {@code consistency} and
 * checks the caller's role (a reporter is scoped to its region). No rule and no transaction lives here; nothing else
 * depends on this package.
 */
package se.alfmonitor.assessment.api;
