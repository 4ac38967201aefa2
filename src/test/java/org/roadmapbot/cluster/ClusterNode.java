package org.roadmapbot.cluster;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.schedule.SchedulerConfig;

/**
 * Child process of the cluster test: one bot process as `run` starts it, minus Discord — the
 * application on the shared PostgreSQL with a clustered Quartz scheduler, delivering through a
 * {@link RecordingMessenger}. Prints "READY" once firing; stops gracefully when stdin closes.
 *
 * <p>Arguments: JDBC URL of the shared database, node name, data directory, and optionally n:
 * every n-th send is slow (see {@link RecordingMessenger}).
 */
public final class ClusterNode {

    public static void main(String[] args) throws Exception {
        AppConfig config = new AppConfig(Path.of(args[2]), Optional.empty())
                .withDatabase(DatabaseConfig.fromEnvironment(Map.of(
                        DatabaseConfig.URL,
                        args[0],
                        DatabaseConfig.USER,
                        "postgres",
                        DatabaseConfig.PASSWORD,
                        "unused")))
                .withScheduler(new SchedulerConfig(true, 4, false));
        try (Application app = Application.start(config)) {
            app.startScheduler(new RecordingMessenger(
                    app.database().dataSource(), args[1], args.length > 3 ? Integer.parseInt(args[3]) : 0));
            System.out.println("READY " + app.scheduler().runId());
            System.out.flush();
            while (System.in.read() >= 0) {
                // run until the parent closes our stdin (or kills us)
            }
        }
        System.out.println("STOPPED");
    }
}
