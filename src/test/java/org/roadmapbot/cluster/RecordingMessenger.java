package org.roadmapbot.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Reply;

/**
 * A messenger for cluster tests: every send attempt becomes a row of {@code cluster_attempt};
 * the delivery itself a row of {@code cluster_delivery}, keyed by the delivery key, so a repeat
 * with the same key is dropped as Discord drops a repeated message with the same enforced nonce
 * (what the Discord adapter sends for scheduled deliveries). Both tables live in the shared
 * PostgreSQL, so the test counts what every process delivered.
 */
public final class RecordingMessenger implements Messenger {

    public static final String SCHEMA = """
            CREATE TABLE cluster_attempt (
                attempt_id    BIGSERIAL PRIMARY KEY,
                delivery_key  VARCHAR(200) NOT NULL,
                member_id     VARCHAR(32)  NOT NULL,
                node          VARCHAR(16)  NOT NULL,
                at            TIMESTAMP WITH TIME ZONE NOT NULL);
            CREATE TABLE cluster_delivery (
                delivery_key  VARCHAR(200) PRIMARY KEY,
                member_id     VARCHAR(32)  NOT NULL,
                node          VARCHAR(16)  NOT NULL,
                at            TIMESTAMP WITH TIME ZONE NOT NULL);
            """;

    private final DataSource dataSource;
    private final String node;
    private final int slowEvery;
    private final java.util.concurrent.atomic.AtomicInteger sends = new java.util.concurrent.atomic.AtomicInteger();

    public RecordingMessenger(DataSource dataSource, String node) {
        this(dataSource, node, 0);
    }

    /**
     * @param slowEvery every n-th send, after it is recorded, takes 3 s to complete (a slow network):
     *                  a process killed meanwhile has delivered but not yet noted it; 0 = never
     */
    public RecordingMessenger(DataSource dataSource, String node, int slowEvery) {
        this.dataSource = dataSource;
        this.node = node;
        this.slowEvery = slowEvery;
    }

    @Override
    public CompletableFuture<Void> sendDirect(String guildId, String memberId, Reply message, String deliveryKey) {
        String key =
                deliveryKey != null ? deliveryKey : "unkeyed:" + guildId + ":" + memberId + ":" + System.nanoTime();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection();
                PreparedStatement attempt = c.prepareStatement(
                        "INSERT INTO cluster_attempt (delivery_key, member_id, node, at) VALUES (?, ?, ?, ?)");
                PreparedStatement delivery =
                        c.prepareStatement("INSERT INTO cluster_delivery (delivery_key, member_id, node, at) "
                                + "VALUES (?, ?, ?, ?) ON CONFLICT (delivery_key) DO NOTHING")) {
            for (PreparedStatement ps : new PreparedStatement[] {attempt, delivery}) {
                ps.setString(1, key);
                ps.setString(2, memberId);
                ps.setString(3, node);
                ps.setTimestamp(4, now);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            return Messenger.failed(new DeliveryException(
                    DeliveryException.Reason.TEMPORARY, "recording failed: " + e.getMessage(), e));
        }
        if (slowEvery > 0 && sends.incrementAndGet() % slowEvery == 0) {
            // Delivered, but the answer takes 3 s to come back (as a slow network's would).
            return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> postToChannel(String guildId, String channelId, Reply message, String deliveryKey) {
        return Messenger.failed(
                new DeliveryException(DeliveryException.Reason.NO_PERMISSION, "the cluster test only sends DMs"));
    }

    @Override
    public boolean canPost(String guildId, String channelId) {
        return false;
    }
}
