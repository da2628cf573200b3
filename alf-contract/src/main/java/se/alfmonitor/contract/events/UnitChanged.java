package se.alfmonitor.contract.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A university healthcare unit (USVE) as registered; published on every change. Key: unit id. */
public record UnitChanged(
        String id,
        String name,
        String regionCode,
        String hostRegionCode,
        @Schema(enumeration = { "OWN_REGION", "OTHER_REGION", "MUNICIPALITY", "PRIVATE_COMPANY" }) String provider,
        Integer designatedYear,
        boolean directPatientContact,
        boolean active) {
}
