/**
 * The FHIR R4 {@code MeasureReport} view of one stored value (HAPI FHIR structures), for the monitoring agency.
 * Depends only on the contract's event record and {@code catalogue}.
 */
package se.alfmonitor.indicator.fhir;
