package se.alfmonitor.survey.api;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/submissions/{id}}: a draft's answers for one unit in one campaign. */
public record DraftRequest(@NotBlank String campaignId, @NotBlank String unitId, @NotNull Map<String, Object> answers) {
}
