package org.roadmapbot.testing;

import java.nio.file.Path;
import java.sql.Connection;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;

/** Child process: opens the database in a data directory, says READY, holds it until stdin closes. */
public final class HoldDatabase {

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), Path.of(args[0]));
                Connection held = db.dataSource().getConnection()) {
            System.out.println(held.isValid(5) ? "READY" : "NOT READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin (or kill us)
            }
        }
    }
}
