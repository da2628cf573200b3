package se.alfmonitor.survey.units;

/**
 * A university healthcare unit (USVE) of the registry: designated by one of the seven ALF regions
 * ({@code regionCode}), hosted by any county ({@code hostRegionCode}) and provider. As a command to
 * {@link UnitService#put}, {@code id} may be null and the optional fields missing.
 */
public record Unit(
        String id,
        String name,
        String regionCode,
        String hostRegionCode,
        Provider provider,
        Integer designatedYear,
        Boolean directPatientContact,
        Boolean active) {
}
