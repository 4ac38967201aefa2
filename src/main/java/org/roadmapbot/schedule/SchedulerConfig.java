package org.roadmapbot.schedule;

import java.util.Map;

/**
 * How the Quartz scheduler runs.
 *
 * @param clustered   several bot processes share one database and each job fires on exactly one
 *                    of them ({@code ROADMAP_BOT_SCHEDULER_CLUSTERED}, default false)
 * @param threads     worker threads for jobs ({@code ROADMAP_BOT_SCHEDULER_THREADS}, default 4)
 * @param autoStart   start firing at start-up; the console and `ask` keep it off so a one-shot
 *                    question never delivers nudges
 */
public record SchedulerConfig(boolean clustered, int threads, boolean autoStart) {

    public static final String CLUSTERED = "ROADMAP_BOT_SCHEDULER_CLUSTERED";
    public static final String THREADS = "ROADMAP_BOT_SCHEDULER_THREADS";

    public SchedulerConfig {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException(THREADS + " must be between 1 and 64");
        }
    }

    public static SchedulerConfig defaults() {
        return new SchedulerConfig(false, 4, false);
    }

    public static SchedulerConfig fromEnvironment(Map<String, String> env) {
        String threads = env.getOrDefault(THREADS, "4").strip();
        int count;
        try {
            count = Integer.parseInt(threads);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(THREADS + " must be a whole number, not '" + threads + "'");
        }
        return new SchedulerConfig(
                Boolean.parseBoolean(env.getOrDefault(CLUSTERED, "false").strip()), count, false);
    }

    public SchedulerConfig withAutoStart(boolean value) {
        return new SchedulerConfig(clustered, threads, value);
    }
}
