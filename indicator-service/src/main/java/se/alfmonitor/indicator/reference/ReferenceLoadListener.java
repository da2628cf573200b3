package se.alfmonitor.indicator.reference;

import se.alfmonitor.indicator.reference.ReferenceStatistics.Kind;

/**
 * Recomputes what uses reference statistics when a new version is loaded, in the loading transaction and under the
 * writers' turn, so that the version and the values computed from it commit together.
 */
public interface ReferenceLoadListener {

    void loaded(Kind kind, int year);
}
