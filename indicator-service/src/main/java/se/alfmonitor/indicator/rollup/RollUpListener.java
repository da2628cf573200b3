package se.alfmonitor.indicator.rollup;

import java.util.List;

/**
 * Learns of the sums the roll-up worker has just written, in its transaction: what is computed from sums rather than
 * summed itself (the level means, ALF-04) follows them there.
 */
public interface RollUpListener {

    /** @param works what was summed, as {@link RollUpSums#rollUpAll} was given it */
    void summed(List<RollUpSums.RollUpWork> works);
}
