package org.roadmapbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * {@code ROADMAP_BOT_LOG_LEVEL}, checked like every other setting (logback alone would take a
 * misspelt level for DEBUG) and applied to the bot's own loggers before anything logs.
 */
final class LogLevel {

    static final String VARIABLE = "ROADMAP_BOT_LOG_LEVEL";
    private static final List<String> NAMES = List.of("trace", "debug", "info", "warn", "error", "off");
    private static final String BOT_LOGGERS = "org.roadmapbot";

    private LogLevel() {}

    /** The configured level, or empty when the variable is not set. */
    static Optional<Level> configured(Map<String, String> env) {
        String raw = env.get(VARIABLE);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw new StartupException(
                    VARIABLE + " must be one of " + String.join(", ", NAMES) + ", not '" + raw.strip() + "'");
        }
        return Optional.of(Level.toLevel(name));
    }

    /** Sets the bot's loggers to the configured level, else to {@code otherwise}; returns the level before. */
    static Level apply(Map<String, String> env, Level otherwise) {
        return set(configured(env).orElse(otherwise));
    }

    /** Sets the bot's loggers' level (null: inherit); returns the level before. */
    static Level set(Level level) {
        if (LoggerFactory.getLogger(BOT_LOGGERS) instanceof Logger logger) {
            Level before = logger.getLevel();
            logger.setLevel(level);
            return before;
        }
        return null;
    }
}
