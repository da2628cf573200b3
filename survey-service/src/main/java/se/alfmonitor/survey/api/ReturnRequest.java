package se.alfmonitor.survey.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/submissions/{id}/return}: why the submission goes back to the reporter. */
public record ReturnRequest(
        @NotBlank @Size(max = 4000) @Pattern(regexp = UnitDto.NO_NUL, message = UnitDto.NO_NUL_MESSAGE)
        String comment) {
}
