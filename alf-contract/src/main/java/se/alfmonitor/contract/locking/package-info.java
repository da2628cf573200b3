/**
 * Locks that serialise the writers of one thing across a service's instances: {@code KeyedLocks}, transaction-scoped
 * PostgreSQL advisory locks on a key a service derives from what it guards (a unit and campaign), taken alone or many
 * in one round trip in a fixed order, with an event fired once they are held so tests can hold a writer there.
 */
package se.alfmonitor.contract.locking;
