package org.roadmapbot.progress;

import java.time.Clock;
import java.util.Optional;
import org.roadmapbot.db.GroupCommit;
import org.roadmapbot.knowledge.data.KnowledgeBase;

/**
 * The progress feature's operations for commands, /ask and (later) nudges and leaderboards.
 * Topic changes go through a group commit: each call returns after its own commit.
 */
public final class ProgressService {

    /** Enough to amortise a commit over many writers, small enough to keep each one short. */
    private static final int MAX_BATCH = 256;

    private final KnowledgeBase kb;
    private final ProgressRepository repository;
    private final Clock clock;
    private final GroupCommit<TopicChange, Optional<TopicState>> writes;

    public ProgressService(KnowledgeBase kb, ProgressRepository repository, Clock clock) {
        this.kb = kb;
        this.repository = repository;
        this.clock = clock;
        this.writes = new GroupCommit<>(changes -> repository.apply(changes, clock.instant()), MAX_BATCH);
    }

    public KnowledgeBase knowledge() {
        return kb;
    }

    public ProgressRepository repository() {
        return repository;
    }

    public Clock clock() {
        return clock;
    }

    public MemberProgress progress(String guildId, String memberId) {
        return repository.load(guildId, memberId);
    }

    /** The derived report, or empty if the member has not chosen a track yet. */
    public Optional<ProgressReport> report(String guildId, String memberId) {
        return ProgressReport.of(kb, repository.load(guildId, memberId), clock.instant());
    }

    /** @return the enrollment before, if the member had started already */
    public Optional<Enrollment> start(String guildId, String memberId, String trackId, String paceId) {
        return repository.start(guildId, memberId, trackId, paceId, clock.instant());
    }

    /**
     * Applies one change once it is committed (together with concurrent ones).
     *
     * @return the topic's state before; equal to the requested state when nothing changed
     */
    public Optional<TopicState> change(TopicChange change) {
        return writes.submit(change);
    }
}
