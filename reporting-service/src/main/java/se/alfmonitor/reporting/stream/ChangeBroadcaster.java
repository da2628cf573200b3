package se.alfmonitor.reporting.stream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.operators.multi.processors.SerializedProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Fans committed read-model changes out to every open stream of every instance. A change is announced with
 * PostgreSQL's {@code NOTIFY} inside the transaction that made it: the database delivers it only once that
 * transaction has committed (a rolled-back change makes no dashboard refetch, and a refetch never reads the old
 * state), and to every instance listening on the same database, so a dashboard connected to one instance of a
 * scaled-out service also hears the changes that another instance's consumers applied.
 */
@ApplicationScoped
public class ChangeBroadcaster {

    static final String CHANNEL = "alf_read_model_changed";
    private static final Logger LOG = Logger.getLogger(ChangeBroadcaster.class);
    private static final int BUFFER = 1000;
    private static final char SEPARATOR = '\t';
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** The changes a transaction has announced so far, a resource of that transaction. */
    private static final Object ANNOUNCED = new Object();

    private final BroadcastProcessor<ReadModelChanged> processor = BroadcastProcessor.create();
    // the listener is one thread, but a reconnect must never overlap a delivery
    private final SerializedProcessor<ReadModelChanged, ReadModelChanged> input = processor.serialized();
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

    public ChangeBroadcaster(EntityManager em, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.em = em;
        this.transactions = transactions;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /**
     * Announces a change; it reaches the streams once the current transaction commits. A change already announced in
     * the transaction is not sent again (a batch of values of one indicator announces it once), and the statement
     * goes to the connection directly: a query through the session would first flush every entity of the batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(ReadModelChanged change) {
        String payload = change.name() + SEPARATOR + change.data();
        @SuppressWarnings("unchecked")
        Set<String> announced = (Set<String>) transactions.getResource(ANNOUNCED);
        if (announced == null) {
            announced = new HashSet<>();
            transactions.putResource(ANNOUNCED, announced);
        }
        if (!announced.add(payload)) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
        });
    }

    /**
     * Changes from now on. A subscriber that falls more than {@value #BUFFER} events behind has its stream ended
     * rather than holding memory; the dashboard reconnects and refetches everything.
     */
    public Multi<ReadModelChanged> changes() {
        return processor.onOverflow().buffer(BUFFER).onFailure().recoverWithCompletion();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        listener = new Thread(this::listen, "read-model-change-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        closeQuietly(listening);
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Listens on its own connection, outside the pool, and reconnects after the database went away. */
    private void listen() {
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username.orElse(null),
                    password.orElse(null))) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                backoff = Duration.ofMillis(250);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Listening for read-model changes failed (%s); retrying in %d ms", e.getMessage(),
                        backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                listening = null;
            }
        }
    }

    private void deliver(String payload) {
        int separator = payload.indexOf(SEPARATOR);
        if (separator < 0) {
            LOG.debugf("Ignoring a notification that is not a read-model change: %s", payload);
            return;
        }
        input.onNext(new ReadModelChanged(payload.substring(0, separator), payload.substring(separator + 1)));
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listening connection", e);
            }
        }
    }
}
