package org.roadmapbot.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.roadmapbot.knowledge.data.KnowledgeBase;
import org.roadmapbot.knowledge.data.RoadmapFile.Pace;
import org.roadmapbot.knowledge.data.RoadmapFile.Phase;
import org.roadmapbot.knowledge.data.RoadmapFile.Topic;
import org.roadmapbot.knowledge.data.RoadmapFile.Track;

/**
 * What a member's stored progress means against the roadmap: current phase, percent, per-phase
 * counts, the topics to study next and the finish window the chosen pace gives. Derived on
 * read, never stored, so a data update (a new topic) is reflected at once.
 *
 * @param currentPhase the first phase with a topic neither done nor skipped; empty when finished
 * @param percent      done / (topics of the track - skipped), rounded down; 100 when nothing is left
 * @param next         topics to study next: in-progress ones first, then the rest in roadmap order
 * @param onSchedule   done share compared with the share of the pace's midpoint duration elapsed
 */
public record ProgressReport(
        MemberProgress progress,
        Track track,
        Pace pace,
        LocalDate startedOn,
        List<PhaseCount> phases,
        int total,
        int done,
        int skipped,
        int inProgress,
        Optional<Phase> currentPhase,
        int percent,
        List<Topic> next,
        LocalDate finishEarliest,
        LocalDate finishLatest,
        Schedule onSchedule) {

    public ProgressReport {
        phases = List.copyOf(phases);
        next = List.copyOf(next);
    }

    /** Topic counts of one phase for the member's track. */
    public record PhaseCount(Phase phase, int total, int done, int skipped, int inProgress) {
        public boolean finished() {
            return done + skipped >= total;
        }
    }

    /** How the member stands against their pace. */
    public enum Schedule {
        AHEAD,
        ON_TRACK,
        BEHIND,
        FINISHED
    }

    /** @return empty when the member has not started (no track chosen) */
    public static Optional<ProgressReport> of(KnowledgeBase kb, MemberProgress progress, Instant now) {
        if (progress.enrollment().isEmpty()) {
            return Optional.empty();
        }
        Enrollment enrollment = progress.enrollment().get();
        Track track = kb.roadmap().tracks().stream()
                .filter(t -> t.id().equals(enrollment.trackId()))
                .findFirst()
                .orElse(new Track(enrollment.trackId(), enrollment.trackId(), ""));
        Pace pace = kb.roadmap().paces().stream()
                .filter(p -> p.id().equals(enrollment.paceId()))
                .findFirst()
                .orElse(kb.roadmap().paces().get(0));

        List<PhaseCount> phases = new ArrayList<>();
        List<Topic> inProgressTopics = new ArrayList<>();
        List<Topic> notStarted = new ArrayList<>();
        Optional<Phase> current = Optional.empty();
        int total = 0;
        int done = 0;
        int skipped = 0;
        int inProgress = 0;
        for (Phase phase : kb.phases()) {
            int pTotal = 0;
            int pDone = 0;
            int pSkipped = 0;
            int pInProgress = 0;
            for (Topic topic : phase.topics()) {
                if (topic.track() != null && !topic.track().equals(track.id())) {
                    continue;
                }
                pTotal++;
                Optional<TopicState> state = progress.state(topic.id());
                if (state.isEmpty()) {
                    notStarted.add(topic);
                } else {
                    switch (state.get()) {
                        case DONE -> pDone++;
                        case SKIPPED -> pSkipped++;
                        case IN_PROGRESS -> {
                            pInProgress++;
                            inProgressTopics.add(topic);
                        }
                    }
                }
            }
            PhaseCount count = new PhaseCount(phase, pTotal, pDone, pSkipped, pInProgress);
            phases.add(count);
            if (current.isEmpty() && !count.finished()) {
                current = Optional.of(phase);
            }
            total += pTotal;
            done += pDone;
            skipped += pSkipped;
            inProgress += pInProgress;
        }
        int inScope = total - skipped;
        int percent = inScope <= 0 ? 100 : (int) Math.floor(100.0 * done / inScope);

        List<Topic> next = new ArrayList<>(inProgressTopics);
        next.addAll(notStarted);

        LocalDate startedOn = LocalDate.ofInstant(enrollment.startedAt(), ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Schedule schedule = schedule(current.isEmpty(), percent, startedOn, today, pace);
        return Optional.of(new ProgressReport(
                progress,
                track,
                pace,
                startedOn,
                phases,
                total,
                done,
                skipped,
                inProgress,
                current,
                percent,
                next,
                startedOn.plusMonths(pace.minMonths()),
                startedOn.plusMonths(pace.maxMonths()),
                schedule));
    }

    /** How a member stands against their pace; also used by the leaderboard's group view. */
    public static Schedule schedule(boolean finished, int percent, LocalDate start, LocalDate today, Pace pace) {
        if (finished) {
            return Schedule.FINISHED;
        }
        double plannedDays =
                ChronoUnit.DAYS.between(start, start.plusMonths(pace.minMonths() + pace.maxMonths())) / 2.0;
        double elapsedShare = Math.max(0, ChronoUnit.DAYS.between(start, today)) / Math.max(1.0, plannedDays);
        double doneShare = percent / 100.0;
        if (doneShare >= elapsedShare + 0.10) {
            return Schedule.AHEAD;
        }
        if (doneShare + 0.10 < elapsedShare) {
            return Schedule.BEHIND;
        }
        return Schedule.ON_TRACK;
    }
}
