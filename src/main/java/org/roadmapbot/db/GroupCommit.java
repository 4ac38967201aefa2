package org.roadmapbot.db;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit without a thread of its own (leader/follower): a writer queues its change; if
 * no commit is running it becomes the leader and commits everything queued so far in one
 * transaction, otherwise it waits for the running commit to end and then either finds its
 * change committed or leads the next batch. Each caller returns only once its own change is
 * committed, so a reply never promises what a crash could lose, yet concurrent writers share
 * commits (with WRITE_DELAY=0 the commit is the expensive part).
 *
 * @param <C> a change
 * @param <R> its result
 */
public final class GroupCommit<C, R> {

    private final Function<List<C>, List<R>> applyAll;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchEnded = lock.newCondition();
    private final ArrayDeque<Pending<C, R>> queue = new ArrayDeque<>();
    private boolean committing;

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

    /** Commits {@code change} (possibly together with others) and returns its result. */
    public R submit(C change) {
        Pending<C, R> mine = new Pending<>(change);
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.done) {
                if (committing) {
                    batchEnded.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                List<Pending<C, R>> batch = drain();
                lock.unlock();
                try {
                    commit(batch);
                } finally {
                    lock.lock();
                    committing = false;
                    batchEnded.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    private List<Pending<C, R>> drain() {
        List<Pending<C, R>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
        while (batch.size() < maxBatch && !queue.isEmpty()) {
            batch.add(queue.poll());
        }
        return batch;
    }

    /** Runs without the lock held; every pending of the batch is completed, even on failure. */
    private void commit(List<Pending<C, R>> batch) {
        try {
            List<R> results = applyAll.apply(batch.stream().map(p -> p.change).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(results.get(i), null);
            }
        } catch (RuntimeException | Error batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).complete(null, asRuntime(batchFailure));
                return;
            }
            for (Pending<C, R> p : batch) {
                try {
                    p.complete(applyAll.apply(List.of(p.change)).get(0), null);
                } catch (RuntimeException | Error e) {
                    p.complete(null, asRuntime(e));
                }
            }
        }
    }

    private static RuntimeException asRuntime(Throwable t) {
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** Fields are written by the leader before it re-takes the lock, read by the owner after. */
    private static final class Pending<C, R> {
        final C change;
        boolean done;
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
