/**
 * The service's own check of its invariant: every unit's latest assessment is of the latest revision received, with its
 * decisions and overrides in force applied. {@code ConsistencyCheck} finds the units that break it in one query, keeps
 * the gauge {@code alf_assessment_inconsistent_units} and repairs a unit under its lock through {@code assessment}.
 */
package se.alfmonitor.assessment.consistency;
