package org.roadmapbot.faq;

import java.util.Optional;

/**
 * A server's settings for asking: whether unanswered and thumbs-down questions are kept for
 * {@code /insights}, and the help channel or forum whose new posts the bot answers.
 */
public record ServerSettings(boolean keepQuestions, Optional<String> helpChannelId) {

    /** A server that never changed anything: questions kept, no help channel. */
    public static final ServerSettings DEFAULTS = new ServerSettings(true, Optional.empty());

    public ServerSettings {
        helpChannelId = helpChannelId == null ? Optional.empty() : helpChannelId;
    }
}
