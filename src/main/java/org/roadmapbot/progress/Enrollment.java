package org.roadmapbot.progress;

import java.time.Instant;
import java.util.Objects;

/** A member's chosen track and pace, and when they started the roadmap. */
public record Enrollment(String trackId, String paceId, Instant startedAt) {
    public Enrollment {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(paceId, "paceId");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
