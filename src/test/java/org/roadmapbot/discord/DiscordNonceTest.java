package org.roadmapbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordNonceTest {

    @Test
    void aDeliveryKeyBecomesAStableNonceWithinDiscordsLimit() {
        String a = DiscordMessenger.nonce("nudge:123456789012345678:876543210987654321:2026-W02");
        assertThat(a).hasSizeLessThanOrEqualTo(25).startsWith("rb");
        assertThat(DiscordMessenger.nonce("nudge:123456789012345678:876543210987654321:2026-W02"))
                .isEqualTo(a);
        assertThat(DiscordMessenger.nonce("nudge:123456789012345678:876543210987654321:2026-W03"))
                .isNotEqualTo(a);
    }
}
