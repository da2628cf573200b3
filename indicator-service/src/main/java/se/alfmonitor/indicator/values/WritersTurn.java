package se.alfmonitor.indicator.values;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The feed pages by id, so ids must become visible in id order: a transaction with a lower id committing after one
 * with a higher id would be skipped by a reader already past it. Writers of values therefore take turns, for the rest
 * of their transaction (a PostgreSQL advisory lock). A computation that reads inputs written by other transactions
 * (study lists and reference statistics) takes its turn before reading them, so that two concurrent writers of those
 * inputs cannot each compute from a snapshot missing the other's rows.
 */
@ApplicationScoped
public class WritersTurn {

    /** Arbitrary key of the advisory lock that orders writers of values. */
    private static final long VALUE_WRITER_LOCK = 0x414c46_494e44L;
    private static final Object LOCK_TAKEN = new Object();

    private final TransactionSynchronizationRegistry transactions;

    public WritersTurn(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Waits for the writers' turn and keeps it until the transaction ends; at once when it already has it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take() {
        if (transactions.getResource(LOCK_TAKEN) == null) {
            IndicatorValueEntity.getEntityManager()
                    .createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) l")
                    .setParameter("key", VALUE_WRITER_LOCK).getSingleResult();
            transactions.putResource(LOCK_TAKEN, Boolean.TRUE);
        }
    }
}
