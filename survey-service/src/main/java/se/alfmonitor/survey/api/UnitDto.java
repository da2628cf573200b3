package se.alfmonitor.survey.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.alfmonitor.survey.domain.Provider;

/** A university healthcare unit (USVE) as the API shows and accepts it. */
public record UnitDto(
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "\\d{2}") String regionCode,
        @Pattern(regexp = "\\d{2}") String hostRegionCode,
        Provider provider,
        @Min(2015) @Max(2100) Integer designatedYear,
        @NotNull Boolean directPatientContact,
        Boolean active) {
}
