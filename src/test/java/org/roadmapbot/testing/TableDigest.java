package org.roadmapbot.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Every row of every table in the public schema, normalised so that the same data reads the
 * same on H2 and PostgreSQL (timestamps as UTC instants, numbers without trailing zeros, bytes
 * as hex, columns by name). Rows are sorted, so the result does not depend on physical order.
 */
public final class TableDigest {

    private TableDigest() {}

    /** Table name (lower case) to its sorted, normalised rows. */
    public static Map<String, List<String>> contents(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return contents(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, List<String>> contents(Connection c) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : tables(c)) {
            tables.put(table, rows(c, table));
        }
        return tables;
    }

    /** One SHA-256 over {@link #contents}: equal digests mean equal data. */
    public static String digest(DataSource dataSource) {
        return digest(contents(dataSource));
    }

    /**
     * As {@link #digest(DataSource)}, over a table list read once (information_schema is slow on
     * H2): for tests that take thousands of digests while the schema stays put.
     */
    public static String digest(DataSource dataSource, List<String> tables) {
        Map<String, List<String>> contents = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : tables) {
                contents.put(table, rows(c, table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digest(contents);
    }

    public static List<String> tables(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return tables(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(Map<String, List<String>> contents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            contents.forEach((table, rows) -> {
                sha.update(table.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                for (String row : rows) {
                    sha.update(row.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 1);
                }
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        names.sort(null);
        return names;
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Integer> columns = new TreeMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
            }
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (Map.Entry<String, Integer> col : columns.entrySet()) {
                    row.append(col.getKey())
                            .append('=')
                            .append(normalise(rs, col.getValue()))
                            .append('\u001f');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String normalise(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return "∅";
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant().toString();
        }
        if (value instanceof Timestamp ts) {
            // PostgreSQL's driver returns timestamptz as Timestamp unless asked for OffsetDateTime.
            OffsetDateTime odt = rs.getObject(column, OffsetDateTime.class);
            return odt == null ? ts.toInstant().toString() : odt.toInstant().toString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof BigDecimal || value instanceof Number) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
