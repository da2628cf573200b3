/**
 * Reference statistics (population and new cancer cases per region and year): validation of uploads, versions,
 * the look-back for a figure, and their entities. A new version is announced to {@code ReferenceLoadListener}s in its
 * transaction (the study indicators recompute). Depends on {@code values} (the writers' turn) and {@code config}.
 */
package se.alfmonitor.indicator.reference;
