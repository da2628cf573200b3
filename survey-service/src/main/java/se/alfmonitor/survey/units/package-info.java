/**
 * The unit registry: {@code UnitService} creates, replaces and reads units ({@code Unit}) and publishes every change
 * on {@code alf.units.v1} through the outbox; with the reference data of the regions ({@code Regions},
 * {@code Region}), the pseudo units of region-level questionnaires ({@code RegionUnits}) and {@code Provider}. Uses
 * {@code persistence} only.
 */
package se.alfmonitor.survey.units;
