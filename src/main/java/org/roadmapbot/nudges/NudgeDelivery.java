package org.roadmapbot.nudges;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.roadmapbot.core.Messenger;
import org.roadmapbot.core.Messenger.DeliveryException;
import org.roadmapbot.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one nudge: a DM; if DMs are closed, a post in the first configured study channel the
 * bot can post in; temporary failures retried a bounded number of times with back-off. Never
 * throws: the outcome says what happened and whether the member's nudges should be turned off.
 */
final class NudgeDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NudgeDelivery.class);

    /** What became of one delivery. {@code disableReason} is set when trying again next week is pointless. */
    record Outcome(boolean delivered, String via, int attempts, String detail, Optional<String> disableReason) {
    }

    private final Messenger messenger;
    private final List<String> studyChannels;
    private final List<Duration> backoff;

    NudgeDelivery(Messenger messenger, List<String> studyChannels, List<Duration> backoff) {
        this.messenger = messenger;
        this.studyChannels = List.copyOf(studyChannels);
        this.backoff = List.copyOf(backoff);
    }

    /** {@code deliveryKey}: the same for every attempt at this member's week, so an adapter can drop repeats. */
    Outcome deliver(String guildId, String memberId, Reply message, String deliveryKey) {
        int[] attempts = {0};
        try {
            withRetries(attempts, () -> messenger.sendDirect(guildId, memberId, message, deliveryKey));
            return new Outcome(true, SentLog.VIA_DM, attempts[0], null, Optional.empty());
        } catch (DeliveryException e) {
            return switch (e.reason()) {
                case DMS_CLOSED -> toStudyChannel(guildId, memberId, message, deliveryKey, attempts, e);
                case UNKNOWN_TARGET -> new Outcome(false, null, attempts[0], e.getMessage(),
                        Optional.of(NudgeSettings.UNKNOWN_MEMBER));
                case NO_PERMISSION, TEMPORARY -> new Outcome(false, null, attempts[0], e.getMessage(), Optional.empty());
            };
        } catch (RuntimeException e) {
            // A bug in an adapter costs this nudge, never the scheduler thread.
            LOG.error("nudge delivery to member {} in server {} failed unexpectedly", memberId, guildId, e);
            return new Outcome(false, null, attempts[0], "unexpected: " + e, Optional.empty());
        }
    }

    private Outcome toStudyChannel(String guildId, String memberId, Reply message, String deliveryKey, int[] attempts,
                                   DeliveryException closed) {
        Optional<String> channel = studyChannels.stream().filter(id -> messenger.canPost(guildId, id)).findFirst();
        if (channel.isEmpty()) {
            return new Outcome(false, null, attempts[0], closed.getMessage(), Optional.of(NudgeSettings.DMS_CLOSED));
        }
        try {
            withRetries(attempts, () -> messenger.postToChannel(guildId, channel.get(),
                    NudgeComposer.forChannel(memberId, message), deliveryKey));
            return new Outcome(true, SentLog.VIA_CHANNEL, attempts[0], "DMs closed; posted in channel " + channel.get(),
                    Optional.empty());
        } catch (DeliveryException e) {
            return new Outcome(false, null, attempts[0], "DMs closed; study channel failed: " + e.getMessage(),
                    Optional.of(NudgeSettings.DMS_CLOSED));
        }
    }

    private interface Send {
        void run() throws DeliveryException;
    }

    /** Up to backoff.size() + 1 attempts; only TEMPORARY failures are retried. */
    private void withRetries(int[] attempts, Send send) throws DeliveryException {
        for (int i = 0; ; i++) {
            attempts[0]++;
            try {
                send.run();
                return;
            } catch (DeliveryException e) {
                if (!e.retryable() || i >= backoff.size()) {
                    throw e;
                }
                LOG.info("nudge delivery failed ({}), retrying in {} ms", e.getMessage(), backoff.get(i).toMillis());
                sleep(backoff.get(i));
            }
        }
    }

    private static void sleep(Duration d) throws DeliveryException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Reason.TEMPORARY, "interrupted while waiting to retry", e);
        }
    }
}
