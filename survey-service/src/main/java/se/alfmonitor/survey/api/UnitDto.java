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
        @NotBlank @Size(max = 200) @Pattern(regexp = UnitDto.NO_NUL, message = UnitDto.NO_NUL_MESSAGE) String name,
        @NotNull @Pattern(regexp = "\\d{2}") String regionCode,
        @Pattern(regexp = "\\d{2}") String hostRegionCode,
        Provider provider,
        @Min(2015) @Max(2100) Integer designatedYear,
        @NotNull Boolean directPatientContact,
        Boolean active) {

    /**
     * Text without the NUL character: valid in JSON, but PostgreSQL's text types cannot hold it, so it is refused
     * with the other problems of the body rather than failing when stored.
     */
    public static final String NO_NUL = "[^\\x00]*";
    public static final String NO_NUL_MESSAGE = "must not contain the NUL character (U+0000)";
}
