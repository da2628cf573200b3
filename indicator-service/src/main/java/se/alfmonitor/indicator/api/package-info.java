/**
 * The REST resources under {@code /api}: each maps HTTP to one call of {@code indicators}, {@code values},
 * {@code reference} or {@code catalogue} and the answer back (JSON, CSV, FHIR through {@code fhir}), and checks the
 * caller's role. No rule and no transaction lives here; nothing else depends on this package.
 */
package se.alfmonitor.indicator.api;
