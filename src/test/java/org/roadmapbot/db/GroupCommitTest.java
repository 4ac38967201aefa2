package org.roadmapbot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void everyCallerGetsItsOwnResultAndConcurrentCallersShareBatches() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        GroupCommit<Integer, String> commit = new GroupCommit<>(
                changes -> {
                    batchSizes.add(changes.size());
                    if (batchSizes.size() == 1) {
                        firstBatchEntered.countDown();
                        await(releaseFirstBatch);
                    }
                    return changes.stream().map(i -> "r" + i).toList();
                },
                100);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            Future<String> first = pool.submit(() -> commit.submit(0));
            firstBatchEntered.await();
            List<Future<String>> rest = new ArrayList<>();
            for (int i = 1; i <= 19; i++) {
                int n = i;
                rest.add(pool.submit(() -> commit.submit(n)));
            }
            Thread.sleep(200); // let the 19 callers queue behind the held commit
            releaseFirstBatch.countDown();

            assertThat(first.get()).isEqualTo("r0");
            for (int i = 0; i < rest.size(); i++) {
                assertThat(rest.get(i).get()).isEqualTo("r" + (i + 1));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(20);
        assertThat(batchSizes).hasSizeLessThan(20);
    }

    @Test
    void aFailingChangeFailsOnlyItsOwnCaller() throws Exception {
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(
                changes -> {
                    if (changes.contains(13)) {
                        throw new IllegalStateException("unlucky");
                    }
                    return changes;
                },
                100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ConcurrentHashMap<Integer, Object> outcomes = new ConcurrentHashMap<>();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    try {
                        outcomes.put(n, commit.submit(n));
                    } catch (IllegalStateException e) {
                        outcomes.put(n, e.getMessage());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 40; i++) {
            assertThat(outcomes.get(i)).isEqualTo(i == 13 ? "unlucky" : (Object) i);
        }
        assertThatThrownBy(() -> commit.submit(13)).hasMessage("unlucky");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
