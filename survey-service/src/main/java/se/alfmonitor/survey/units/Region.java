package se.alfmonitor.survey.units;

/**
 * A Swedish region (county), identified by its two-digit county code.
 *
 * @param alfRegion whether the region is one of the seven with a university hospital under the ALF agreement
 * @param university the university of the ALF region, null for other regions
 */
public record Region(String code, String name, String letterCode, String university, boolean alfRegion) {
}
