package org.roadmapbot.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Copies all of the bot's data from one database to another with the same schema version (both
 * opened through {@link Database}, so both are migrated): every table of the schema (progress,
 * settings, events, nudges, leaderboards, and the Quartz job store, so schedules keep their
 * next fire times), in foreign-key order, in one transaction on the target. The target must be
 * empty; on any failure nothing is left in it.
 *
 * <p>Not copied: Flyway's history (the target has its own) and Quartz's run-time state
 * (scheduler check-ins, triggers being fired, lock rows), which belong to the processes that
 * were running. Triggers caught mid-fire are set back to waiting, as Quartz's own recovery does.
 * Identity sequences are moved past the copied ids.
 */
public final class DataMigration {

    /** Tables that describe a running scheduler or the schema history, not data. */
    static final Set<String> SKIPPED =
            Set.of("flyway_schema_history", "qrtz_scheduler_state", "qrtz_fired_triggers", "qrtz_locks");

    private static final int BATCH = 1000;

    private DataMigration() {}

    /** Rows copied per table, in copy order. */
    public record Report(Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Why a migration was refused or failed; the message says what to do. */
    public static final class MigrationException extends RuntimeException {
        public MigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Report copy(DataSource from, DataSource to, Consumer<String> progress) {
        try (Connection source = from.getConnection();
                Connection target = to.getConnection()) {
            List<String> sourceTables = tables(source);
            List<String> targetTables = tables(target);
            List<String> missing =
                    sourceTables.stream().filter(t -> !targetTables.contains(t)).toList();
            if (!missing.isEmpty()) {
                throw new MigrationException(
                        "the target has no table " + missing + "; are both databases on the same "
                                + "roadmap-bot version?",
                        null);
            }
            Map<String, Long> occupied = new TreeMap<>();
            for (String table : targetTables) {
                long n = count(target, table);
                if (n > 0) {
                    occupied.put(table, n);
                }
            }
            if (!occupied.isEmpty()) {
                throw new MigrationException(
                        "the target database already holds data ("
                                + occupied.entrySet().stream()
                                        .map(e -> e.getKey() + ": " + e.getValue() + " rows")
                                        .collect(Collectors.joining(", "))
                                + "); migrate into a new, empty database",
                        null);
            }
            List<String> order = foreignKeyOrder(target, sourceTables);
            source.setReadOnly(true);
            source.setAutoCommit(false); // one consistent snapshot where the database offers it
            target.setAutoCommit(false);
            Map<String, Long> copied = new LinkedHashMap<>();
            try {
                for (String table : order) {
                    long rows = copyTable(source, target, table);
                    copied.put(table, rows);
                    progress.accept(table + ": " + rows + " rows");
                }
                restartIdentities(target, order);
                target.commit();
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                source.rollback();
            }
            return new Report(copied);
        } catch (SQLException e) {
            throw new MigrationException("copying failed, nothing was kept in the target: " + e.getMessage(), e);
        }
    }

    /** The data tables of the connection's schema, lower case, sorted. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(name)) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Tables ordered so that every table comes after the tables its foreign keys point to. */
    static List<String> foreignKeyOrder(Connection c, List<String> tables) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : tables) {
            Set<String> own = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && tables.contains(parent)) {
                        own.add(parent);
                    }
                }
            }
            parents.put(table, own);
        }
        List<String> order = new ArrayList<>();
        while (order.size() < tables.size()) {
            boolean progressed = false;
            for (String table : tables) {
                if (!order.contains(table) && order.containsAll(parents.get(table))) {
                    order.add(table);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new MigrationException("circular foreign keys between " + parents, null);
            }
        }
        return order;
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        long rows = 0;
        try (Statement read = source.createStatement()) {
            read.setFetchSize(BATCH); // PostgreSQL streams only inside a transaction with a fetch size
            try (ResultSet rs = read.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                List<String> columns = new ArrayList<>();
                boolean[] zoned = new boolean[n + 1];
                for (int i = 1; i <= n; i++) {
                    columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    String type = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
                    zoned[i] = meta.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE
                            || type.contains("timestamptz")
                            || type.contains("with time zone");
                }
                int stateColumn = table.equals("qrtz_triggers") ? columns.indexOf("trigger_state") + 1 : 0;
                String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                        + columns.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
                try (PreparedStatement write = target.prepareStatement(insert)) {
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object value = zoned[i] ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i);
                            if (i == stateColumn && value != null) {
                                value = settledTriggerState(value.toString());
                            }
                            write.setObject(i, value);
                        }
                        write.addBatch();
                        if (++rows % BATCH == 0) {
                            write.executeBatch();
                        }
                    }
                    write.executeBatch();
                }
            }
        }
        return rows;
    }

    /** A trigger caught mid-fire by a stopped process waits again, as Quartz's recovery would set it. */
    static String settledTriggerState(String state) {
        return switch (state) {
            case "ACQUIRED", "BLOCKED" -> "WAITING";
            case "PAUSED_BLOCKED" -> "PAUSED";
            default -> state;
        };
    }

    /** Moves identity columns past the copied ids so that new rows do not collide with them. */
    private static void restartIdentities(Connection target, List<String> tables) throws SQLException {
        DatabaseMetaData meta = target.getMetaData();
        boolean postgres =
                meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        for (String table : tables) {
            List<String> identities = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, target.getSchema(), table, "%")) {
                while (rs.next()) {
                    if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                        identities.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            for (String column : identities) {
                long next;
                try (Statement s = target.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
                    rs.next();
                    next = rs.getLong(1);
                }
                try (Statement s = target.createStatement()) {
                    if (postgres) {
                        s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), " + next
                                + ", false)");
                    } else {
                        s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
                    }
                }
            }
        }
    }
}
