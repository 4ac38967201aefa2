package org.roadmapbot.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Child process of {@link ChunkReuseCrashTest}: commits one row at a time, each commit its own
 * chunk, and prints each row's number only after its commit, until it is killed.
 */
public final class ChunkReuseCrashWriter {

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), Path.of(args[0]));
             Connection c = db.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO member_settings "
                     + "(guild_id, member_id, leaderboard_hidden, updated_at) VALUES ('g', ?, FALSE, CURRENT_TIMESTAMP)");
             PreparedStatement hot = c.prepareStatement("UPDATE member_settings SET leaderboard_hidden = NOT leaderboard_hidden "
                     + "WHERE guild_id = 'g' AND member_id = 'm0'")) {
            System.out.println("READY");
            for (int n = 0; ; n++) {
                insert.setString(1, "m" + n);
                insert.executeUpdate();
                hot.executeUpdate(); // a row rewritten by every commit: old chunks empty out and are freed
                System.out.println(n);
                System.out.flush();
                Thread.sleep(2);
            }
        }
    }
}
