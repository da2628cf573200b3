/**
 * A unit's assessment and its single-unit write path: {@code AssessmentEntity} (one version per row, the latest
 * flagged; the levels as stored, with stubs where a rule set publication carried a level over),
 * {@code AssessmentService} (assesses a submitted revision, re-assesses one unit for a decision, an override or a
 * repair, stores and publishes each version, and maps versions to {@code AssessmentView} and the
 * {@code AssessmentCompleted} event), {@code UnitLock} (the per-unit advisory lock every path that makes a version
 * takes first), {@code ReceivedSubmissions} (the latest revision received, for the consistency check) and
 * {@code QueryFilter} (the optional filters of every listing). It uses {@code rules} to evaluate, {@code review},
 * {@code override} and {@code remediation} for what an evaluation reads and keeps in line, and {@code reassessment}'s
 * {@code CarriedLevels} and {@code LevelSummary} to read and write the stored levels; those features in turn make their
 * new versions through {@code AssessmentService}, so the arrows between them point both ways at that one seam.
 */
package se.alfmonitor.assessment.assessment;
