package se.alfmonitor.survey.api.submissions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.alfmonitor.survey.persistence.StorableText;

/** Body of {@code POST /api/submissions/{id}/return}: why the submission goes back to the reporter. */
public record ReturnRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = StorableText.NO_NUL, message = StorableText.NO_NUL_MESSAGE)
        String comment) {
}
