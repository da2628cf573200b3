package se.alfmonitor.contract.events;

/** A university healthcare unit (USVE) as registered; published on every change. Key: unit id. */
public record UnitChanged(
        String id,
        String name,
        String regionCode,
        String hostRegionCode,
        String provider,
        Integer designatedYear,
        boolean directPatientContact,
        boolean active) {
}
