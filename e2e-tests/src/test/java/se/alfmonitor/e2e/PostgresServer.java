package se.alfmonitor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server on a fixed port and data directory, so a test can restart it under the services. */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Starts the server on its data directory, initialising it if empty. The directory is never cleaned here: the
     * embedded server deletes a directory it was asked to clean when it stops, which would turn a restart into a new,
     * empty cluster. The suite wipes its work directory before the first start instead.
     */
    void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    // statement statistics for the benchmarks' breakdowns; costs nothing until an extension reads it
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL", e);
        }
    }

    void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    /** The server's main process (the postmaster), from {@code postmaster.pid} of its data directory. */
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL is not running in " + dataDirectory, e);
        }
    }

    String createDatabase(String name) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + port + "/" + name;
    }
}
