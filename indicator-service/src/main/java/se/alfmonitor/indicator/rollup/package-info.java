/**
 * The aggregates above base values: {@code RollUpMarks} writes the marks ({@code rollup_pending}) the indicators
 * leave, {@code RegionDeltasRecorder} (a {@code values.StoredValuesListener}) adds what changed unit values move in
 * their regions' sums to {@code rollup_delta}, the {@code RollUps} worker takes marks and deltas after commit and has
 * {@code RollUpSums} write the region, ALF and nation sums; {@code RollUpListener}s follow the sums in their
 * transaction (the level means). Depends on {@code values} and {@code catalogue}, never on {@code indicators}.
 */
package se.alfmonitor.indicator.rollup;
