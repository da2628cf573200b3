package se.alfmonitor.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.alfmonitor.assessment.assessment.AssessmentSummary;
import se.alfmonitor.assessment.assessment.AssessmentView;

/**
 * The items of {@code GET /api/assessments} as the OpenAPI document names them: an {@link AssessmentView}, or with
 * {@code view=summary} an {@link AssessmentSummary}. Only the document uses it.
 */
@Schema(name = "AssessmentListItem", oneOf = { AssessmentView.class, AssessmentSummary.class })
public interface AssessmentListItem {
}
