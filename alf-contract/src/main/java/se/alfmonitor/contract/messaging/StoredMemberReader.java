package se.alfmonitor.contract.messaging;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Reads the stored members of events whose outbox rows refer to {@code table.column}
 * ({@link Outbox#publishAllWithStoredMember}) when the member is not simply the column's value, for example when a
 * row holds part of it and refers to other rows for the rest. A service declares one as a CDI bean; for any other
 * table and column, {@link OutboxRelay} reads {@code cast(column as text)} of the row.
 */
public interface StoredMemberReader {

    /** The table the outbox rows name. */
    String table();

    /** The column the outbox rows name. */
    String column();

    /**
     * The member of each of the rows {@code ids} as UTF-8 JSON, read through {@code connection} inside the relay's
     * transaction; a row not found is left out (the relay holds its event back with an error). The JSON may come in
     * consecutive pieces, such as slices of the several values read, which the relay copies straight into the event
     * ({@link #join} when one array is needed).
     */
    Map<Long, List<ByteBuffer>> read(Connection connection, Long[] ids) throws SQLException;

    /** The bytes of {@code pieces}, one after the other, in one array. */
    static byte[] join(List<ByteBuffer> pieces) {
        byte[] joined = new byte[StoredMembers.length(pieces)];
        StoredMembers.copy(pieces, joined, 0);
        return joined;
    }
}
