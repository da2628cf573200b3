/**
 * The per-feed computations: assessments ({@code AssessmentIndicators}, {@code LevelMeans}), submitted questionnaires
 * ({@code SubmissionIndicators}, {@code QuestionnaireIndicators} with {@code AnswerInputs}), the regions' study
 * lists ({@code StudyIndicators}, {@code StudyLists}, {@code StudyRecords}), the response rate
 * ({@code ResponseRates}) and the full rebuild ({@code Recompute}), with the entities of the inputs they keep. Each
 * turns its typed input into {@code values.NewValue}s, records them through {@code values} and marks the aggregates
 * above them through {@code rollup}; it reads {@code reference} for figures. Used by {@code api} and
 * {@code messaging} only.
 */
package se.alfmonitor.indicator.indicators;
