package se.alfmonitor.contract.messaging;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Finishes the events whose outbox rows refer to data the service stores already instead of holding a copy of it
 * ({@link Outbox#publishAllReferring}). A service declares one CDI bean per {@link #kind} of reference; the relay
 * hands it the unpublished rows of that kind, in commit order, and sends the bytes it returns as the events. What a
 * reference means (which table, which rows, how the data is put into the event) is the service's own business.
 */
public interface OutboxPayloads {

    /** The name the outbox rows give this kind of reference (text, stored with each row). */
    String kind();

    /**
     * The finished event of each row, as UTF-8 JSON, keyed by the row's {@link Referring#outboxId}; called inside
     * the relay's transaction with its connection. A row left out, or every row when this throws, is held back with
     * an error and tried again, and so are the later rows of the same record key. The data referred to must never
     * change, so that an event sent again is the same event.
     */
    Map<Long, byte[]> finish(Connection connection, List<Referring> rows) throws SQLException, IOException;

    /**
     * An outbox row of this kind: its id, the envelope as stored (UTF-8 JSON, the data without what the reference
     * stands for) and the reference given to {@link Outbox#publishAllReferring}.
     */
    record Referring(long outboxId, byte[] payload, long reference) {
    }
}
