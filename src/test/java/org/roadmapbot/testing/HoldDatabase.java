package org.roadmapbot.testing;

import java.nio.file.Path;
import org.roadmapbot.db.Database;
import org.roadmapbot.db.DatabaseConfig;

/** Child process: opens the database in a data directory, says READY, holds it until stdin closes. */
public final class HoldDatabase {

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(), Path.of(args[0]))) {
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin (or kill us)
            }
        }
    }
}
