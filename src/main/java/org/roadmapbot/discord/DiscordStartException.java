package org.roadmapbot.discord;

/** The bot could not come up on Discord; the message says what the operator can check. */
public final class DiscordStartException extends RuntimeException {
    public DiscordStartException(String message) {
        super(message);
    }

    public DiscordStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
