/**
 * {@code Actor}: who acts (a caller with a token, or the system for the demo data), its name for the audit history
 * and the region a reporter is bound to, with the 403 {@code OTHER_REGION} check. Uses the contract's
 * {@code Caller} and {@code Roles}; used everywhere a region is checked.
 */
package se.alfmonitor.survey.security;
