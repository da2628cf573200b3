package se.alfmonitor.survey.api.units;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import se.alfmonitor.survey.persistence.StorableText;
import se.alfmonitor.survey.units.Provider;
import se.alfmonitor.survey.units.Unit;

/** A university healthcare unit (USVE) as the API shows and accepts it. */
public record UnitDto(
        String id,
        @NotBlank @Size(max = 200) @Pattern(regexp = StorableText.NO_NUL, message = StorableText.NO_NUL_MESSAGE)
        String name,
        @NotNull @Pattern(regexp = "\\d{2}") String regionCode,
        @Pattern(regexp = "\\d{2}") String hostRegionCode,
        Provider provider,
        @Min(2015) @Max(2100) Integer designatedYear,
        @NotNull Boolean directPatientContact,
        Boolean active) {

    public static UnitDto from(Unit u) {
        return new UnitDto(u.id(), u.name(), u.regionCode(), u.hostRegionCode(), u.provider(), u.designatedYear(),
                u.directPatientContact(), u.active());
    }

    public static Unit toUnit(UnitDto d) {
        return new Unit(d.id(), d.name(), d.regionCode(), d.hostRegionCode(), d.provider(), d.designatedYear(),
                d.directPatientContact(), d.active());
    }
}
