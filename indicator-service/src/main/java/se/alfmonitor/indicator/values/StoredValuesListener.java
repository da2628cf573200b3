package se.alfmonitor.indicator.values;

import java.util.List;

/**
 * Learns of the values {@link ValueStore#recordAll} stores, in the storing transaction: after their rows are written
 * and before their events go to the outbox, under the writers' turn. What a listener writes therefore commits with
 * the values or not at all. The roll-up implements it to keep its regions' deltas; the values know nothing of sums.
 */
public interface StoredValuesListener {

    /** @param changes the stored values of one {@code recordAll}, in the order given; never empty */
    void stored(List<ValueChange> changes);
}
