/**
 * Site-visit overrides (AMB-14): {@code SiteVisitOverrides} records, replaces and withdraws an override under the
 * unit's lock and re-assesses the unit at once, lists them, and applies the overrides in force to the levels every
 * evaluation produces (one unit, or a whole batch's overrides read in one query). Also its entity. Uses
 * {@code assessment} and {@code rules}.
 */
package se.alfmonitor.assessment.override;
