package se.alfmonitor.reporting.api;

import java.util.List;

/**
 * The units behind one cell of the compliance matrix: every responding unit of the region with its outcome of the
 * level. Unit detail, so only for those who may see the region's units.
 */
public record ComplianceCellDto(String campaignId, int level, String area, String labelSv, String regionCode,
        String regionName, int responding, int fulfilled, List<Unit> units) {

    /**
     * @param fulfilled whether the outcome counts as met (MET or NOT_APPLICABLE)
     */
    public record Unit(String unitId, String unitName, String outcome, boolean fulfilled) {
    }
}
