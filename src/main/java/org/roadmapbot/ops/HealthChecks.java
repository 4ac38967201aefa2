package org.roadmapbot.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.roadmapbot.db.Database;
import org.roadmapbot.schedule.JobScheduler;

/** The probes behind {@code /health}. */
public final class HealthChecks {

    private HealthChecks() {}

    /** Up when a pooled connection answers a query. */
    public static Health.Check database(Database database) {
        return new Health.Check("database", () -> {
            try (Connection c = database.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1")) {
                return rs.next()
                        ? Health.Status.up(database.isH2() ? "embedded H2" : "external database")
                        : Health.Status.down("the test query returned nothing");
            } catch (SQLException | RuntimeException e) {
                return Health.Status.down(firstLine(e.getMessage()));
            }
        });
    }

    /** Up while Quartz is started and not shut down (scheduled nudges, boards and backups fire). */
    public static Health.Check scheduler(JobScheduler scheduler) {
        return new Health.Check(
                "scheduler",
                () -> scheduler.isStarted() ? Health.Status.up("running") : Health.Status.down("not running"));
    }

    /** The Discord gateway, as the adapter reports it. */
    public static Health.Check gateway(Supplier<Health.Status> status) {
        return new Health.Check("gateway", status);
    }

    private static String firstLine(String text) {
        return text == null ? "unreachable" : text.strip().lines().findFirst().orElse(text);
    }
}
