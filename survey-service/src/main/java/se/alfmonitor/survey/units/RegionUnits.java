package se.alfmonitor.survey.units;

import java.util.Optional;

/**
 * Region-level questionnaires (regional-research) are answered by an ALF region as a whole. Such a submission names
 * the region's pseudo unit {@code REGION-<county code>} as its unit, so that submissions and the
 * {@code alf.submissions.v1} event keep one shape ({@code unit: {id, regionCode, ...}}). Pseudo units are not
 * registered in the unit registry and never published on {@code alf.units.v1}, so they do not count as USVE.
 */
public final class RegionUnits {

    public static final String PREFIX = "REGION-";

    private RegionUnits() {
    }

    public static boolean isPseudoUnit(String unitId) {
        return unitId != null && unitId.startsWith(PREFIX);
    }

    /** The ALF region a pseudo unit id stands for, if it is one. */
    public static Optional<String> regionOf(String unitId) {
        if (!isPseudoUnit(unitId)) {
            return Optional.empty();
        }
        String code = unitId.substring(PREFIX.length());
        return Regions.isAlfRegion(code) ? Optional.of(code) : Optional.empty();
    }

    public static String unitIdOf(String regionCode) {
        return PREFIX + regionCode;
    }
}
