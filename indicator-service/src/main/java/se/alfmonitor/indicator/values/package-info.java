/**
 * Stored values: {@code ValueStore} records computed values as history (a new row only when a value changes, the
 * latest flag moved) and publishes each new one through the transactional outbox; {@code WritersTurn} is the advisory
 * lock that orders writers of values so the feed never skips one; {@code ValueQueries} reads the latest values and
 * the feed; {@code SmallGroups} serves them to callers who may not see units with the outcome figures of 1 or 2
 * responding units suppressed ({@code ServedValue}). {@code StoredValuesListener} is the one extension point: implementations learn of each stored batch in
 * its transaction (the roll-up keeps its region deltas so). Also the value entity and {@code OrgUnitLevel}. Depends
 * only on {@code catalogue}; it knows nothing of sums or of the inputs values are computed from.
 */
package se.alfmonitor.indicator.values;
