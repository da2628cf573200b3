/**
 * {@code /api/units}: {@code UnitResource} and {@code UnitDto}, the unit as the API shows and accepts it (Bean
 * Validation on the body), mapped from and to {@code units.Unit}. Uses {@code units}. The demo data builds its
 * registry as {@code UnitDto}s, as an administrator would send them.
 */
package se.alfmonitor.survey.api.units;
