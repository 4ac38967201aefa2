package org.roadmapbot.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit without a thread of its own: writers queue their change, and whoever holds
 * the lock commits everything queued so far in one transaction. Each caller returns only once
 * its own change is committed, so a reply never promises something a crash could lose, yet
 * concurrent writers share one commit (with WRITE_DELAY=0 a commit is the expensive part).
 *
 * @param <C> a change
 * @param <R> its result
 */
public final class GroupCommit<C, R> {

    private final Function<List<C>, List<R>> applyAll;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending<C, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commitLock = new ReentrantLock();

    /**
     * @param applyAll applies a batch in one transaction and returns one result per change, in
     *                 order; if it throws, each change of the batch is retried alone so that one
     *                 bad change fails only its own caller
     */
    public GroupCommit(Function<List<C>, List<R>> applyAll, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.applyAll = applyAll;
        this.maxBatch = maxBatch;
    }

    /** Commits {@code change} (possibly with others) and returns its result. */
    public R submit(C change) {
        Pending<C, R> mine = new Pending<>(change);
        queue.add(mine);
        while (!mine.done) {
            commitLock.lock();
            try {
                if (!mine.done) {
                    commit(drain());
                }
            } finally {
                commitLock.unlock();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    private List<Pending<C, R>> drain() {
        List<Pending<C, R>> batch = new ArrayList<>();
        Pending<C, R> next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void commit(List<Pending<C, R>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<R> results = applyAll.apply(batch.stream().map(p -> p.change).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(results.get(i), null);
            }
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).complete(null, batchFailure);
                return;
            }
            for (Pending<C, R> p : batch) {
                try {
                    p.complete(applyAll.apply(List.of(p.change)).get(0), null);
                } catch (RuntimeException e) {
                    p.complete(null, e);
                }
            }
        }
    }

    private static final class Pending<C, R> {
        final C change;
        volatile boolean done;
        R result;
        RuntimeException failure;

        Pending(C change) {
            this.change = change;
        }

        void complete(R value, RuntimeException error) {
            result = value;
            failure = error;
            done = true;
        }
    }
}
