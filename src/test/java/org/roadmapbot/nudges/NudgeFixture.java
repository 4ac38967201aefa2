package org.roadmapbot.nudges;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapbot.app.AppConfig;
import org.roadmapbot.app.Application;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.core.Reply;
import org.roadmapbot.db.DatabaseConfig;
import org.roadmapbot.schedule.MessengerSlot;

/** The whole application on a fresh H2 file (migrations applied), as production wires it, with a collecting messenger. */
final class NudgeFixture implements AutoCloseable {

    static final String GUILD = "100";

    final Application app;
    final CollectingMessenger messenger = new CollectingMessenger();

    NudgeFixture(Path dir, Clock clock, NudgeConfig nudges) {
        this(dir, clock, nudges, DatabaseConfig.embedded());
    }

    NudgeFixture(Path dir, Clock clock, NudgeConfig nudges, DatabaseConfig database) {
        AppConfig config =
                new AppConfig(dir, Optional.empty()).withNudges(nudges).withDatabase(database);
        this.app = Application.start(config, clock);
        // Deliveries work without starting Quartz; tests that want real fires call startScheduler().
        ((MessengerSlot) app.messenger()).set(messenger);
    }

    /** Test defaults: 12 h grace, retries without real waiting. */
    static NudgeConfig config() {
        return NudgeConfig.defaults().withRetryBackoff(List.of(Duration.ofMillis(1), Duration.ofMillis(1)));
    }

    NudgeService service() {
        return app.nudges();
    }

    void startScheduler() {
        app.startScheduler(messenger);
    }

    Reply run(String member, String command, String sub, Object... keyValues) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put((String) keyValues[i], keyValues[i + 1]);
        }
        return app.router()
                .dispatch(new CommandRequest(GUILD, member, "Member " + member, false, command, sub, options));
    }

    Reply nudge(String member, String sub, Object... keyValues) {
        return run(member, NudgeCommand.NAME, sub, keyValues);
    }

    Reply press(String guild, String member, String customId) {
        return app.router()
                .button(
                        new CommandRequest(guild, member, "Member " + member, false, "press", null, Map.of()),
                        customId);
    }

    /** Rows in a table for the member (any table keyed by guild_id, member_id). */
    long rows(String table, String member) {
        try (Connection c = app.database().dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE guild_id = ? AND member_id = ?")) {
            ps.setString(1, GUILD);
            ps.setString(2, member);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean hasJob(String member) {
        try {
            return app.scheduler().quartz().checkExists(NudgeService.jobKey(GUILD, member));
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
