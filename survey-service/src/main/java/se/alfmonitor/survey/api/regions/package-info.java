/**
 * {@code /api/regions}: {@code RegionResource}, the reference list of the 21 regions from {@code units.Regions}.
 */
package se.alfmonitor.survey.api.regions;
