package org.roadmapbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roadmapbot.core.CommandRequest;
import org.roadmapbot.discord.DeferPolicy;
import org.roadmapbot.discord.DeferPolicy.Mode;

/** Which commands the Discord bot acknowledges before running them. */
class BotProcessDeferPolicyTest {

    private static Mode mode(DeferPolicy policy, String command, String subcommand) {
        return policy.decide(new CommandRequest("100", "7", "Member 7", false, command, subcommand, Map.of()));
    }

    @Test
    void withoutPhrasingOnlyTheFileUploadIsDeferredAndPrivately() {
        DeferPolicy policy = BotProcess.deferPolicy(false);
        assertThat(mode(policy, "privacy", "export")).isEqualTo(Mode.PRIVATE);
        assertThat(mode(policy, "privacy", "delete")).isEqualTo(Mode.NONE);
        assertThat(mode(policy, "ask", null)).isEqualTo(Mode.NONE);
        assertThat(mode(policy, "nudge", "test")).isEqualTo(Mode.NONE);
        assertThat(mode(policy, "progress", "next")).isEqualTo(Mode.NONE);
    }

    @Test
    void withPhrasingWhatMayCallTheModelIsDeferredAsItsReplyWillBeSeen() {
        DeferPolicy policy = BotProcess.deferPolicy(true);
        assertThat(mode(policy, "ask", null)).isEqualTo(Mode.PUBLIC);
        assertThat(mode(policy, "nudge", "test")).isEqualTo(Mode.PRIVATE);
        assertThat(mode(policy, "nudge", "on")).isEqualTo(Mode.NONE);
        assertThat(mode(policy, "privacy", "export")).isEqualTo(Mode.PRIVATE);
        assertThat(mode(policy, "roadmap", null)).isEqualTo(Mode.NONE);
    }
}
