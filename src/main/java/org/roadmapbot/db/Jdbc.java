package org.roadmapbot.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Small plain-JDBC helpers: transactions with one retry on a lost insert race, UTC timestamps. */
public final class Jdbc {

    /** SQLSTATE of a unique-key violation in both H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATEs for serialization failure / deadlock (PostgreSQL) and lock timeout (H2). */
    private static final java.util.Set<String> RETRYABLE =
            java.util.Set.of(UNIQUE_VIOLATION, "40001", "40P01", "HYT00");

    private static final int ATTEMPTS = 3;

    private Jdbc() {}

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and commits it; on return the change is durable.
     * Retried (from the start) when two writers raced to insert the same key.
     */
    public static <T> T transaction(DataSource dataSource, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c, e);
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && RETRYABLE.contains(e.getSQLState())) {
                    continue;
                }
                throw new DataAccessException(e);
            }
        }
    }

    /** Runs read-only work on a pooled connection in auto-commit mode. */
    public static <T> T read(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a TIMESTAMP WITH TIME ZONE column as an instant. */
    public static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A database failure at run time; the router turns it into a generic "try again" reply. */
    public static final class DataAccessException extends RuntimeException {
        public DataAccessException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
