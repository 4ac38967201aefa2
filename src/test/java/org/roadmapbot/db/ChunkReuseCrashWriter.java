package org.roadmapbot.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Child process of {@link ChunkReuseCrashTest}: opens the database as the bot does (pool,
 * migrations, housekeeping), with the H2 settings of its second argument (the bot's
 * {@link DatabaseConfig#H2_SETTINGS} when absent), prints the settings
 * H2 reports, then commits one row at a time until it is killed. A row's number is printed only
 * after its commit returned. Every row is followed by an update of one hot row, so old chunks
 * empty out and their space is reused once the retention time has passed.
 */
public final class ChunkReuseCrashWriter {

    static final String INSERT = "INSERT INTO member_settings (guild_id, member_id, leaderboard_hidden, updated_at) "
            + "VALUES ('g', ?, FALSE, CURRENT_TIMESTAMP)";
    static final String HOT_UPDATE = "UPDATE member_settings SET leaderboard_hidden = NOT leaderboard_hidden "
            + "WHERE guild_id = 'g' AND member_id = 'm0'";
    static final String SETTINGS = "SELECT setting_name, setting_value FROM information_schema.settings "
            + "WHERE setting_name IN ('WRITE_DELAY', 'RETENTION_TIME', 'COMPRESS') ORDER BY setting_name";

    private ChunkReuseCrashWriter() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String settings = args.length > 1 ? args[1] : DatabaseConfig.H2_SETTINGS;
        DatabaseConfig config = new DatabaseConfig(Optional.of(url(dataDir, settings)), "sa", "");
        try (Database db = Database.open(config, dataDir);
                Connection c = db.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement(INSERT);
                PreparedStatement hot = c.prepareStatement(HOT_UPDATE)) {
            if (!c.getAutoCommit()) {
                throw new IllegalStateException("the pool's connections must be auto-commit");
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(SETTINGS)) {
                while (rs.next()) {
                    System.out.println("SETTING " + rs.getString(1) + "=" + rs.getString(2));
                }
            }
            System.out.println("READY");
            for (int n = 0; ; n++) {
                commitRow(insert, hot, n);
                System.out.println(n);
                System.out.flush();
                Thread.sleep(2);
            }
        }
    }

    /** The bot's embedded URL for {@code dataDir}, with {@code settings} in place of its own. */
    static String url(Path dataDir, String settings) {
        return DatabaseConfig.defaultUrl(dataDir).replace(DatabaseConfig.H2_SETTINGS, settings);
    }

    /** The bot's settings with another retention time. */
    static String withRetention(int millis) {
        String shipped = "RETENTION_TIME=" + H2Housekeeping.RETENTION_MILLIS;
        if (!DatabaseConfig.H2_SETTINGS.contains(shipped)) {
            throw new IllegalStateException("the bot's H2 settings no longer set " + shipped);
        }
        return DatabaseConfig.H2_SETTINGS.replace(shipped, "RETENTION_TIME=" + millis);
    }

    /** Row {@code n} and the hot row's update, each its own auto-commit: both have returned after this. */
    static void commitRow(PreparedStatement insert, PreparedStatement hot, int n) throws SQLException {
        insert.setString(1, "m" + n);
        insert.executeUpdate();
        hot.executeUpdate();
    }
}
