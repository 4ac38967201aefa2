package org.roadmapbot.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parts {@code /health} reports on (database, Discord gateway, scheduler), each asked in
 * parallel with a time limit: a check that hangs (a pool waiting on an unreachable PostgreSQL)
 * counts as down rather than stalling the probe past the container's health-check timeout.
 */
public final class Health implements AutoCloseable {

    /** One part's state; {@code detail} says why it is down (or a short note when up). */
    public record Status(boolean up, String detail) {
        public static Status up(String detail) {
            return new Status(true, detail);
        }

        public static Status down(String detail) {
            return new Status(false, detail);
        }
    }

    /** A named part and how to ask it. */
    public record Check(String name, java.util.function.Supplier<Status> probe) {}

    /** Every part's status, in check order; healthy when all are up. */
    public record Report(Map<String, Status> parts) {
        public boolean healthy() {
            return parts.values().stream().allMatch(Status::up);
        }

        /** The parts that are down, e.g. "database". */
        public List<String> failing() {
            return parts.entrySet().stream()
                    .filter(e -> !e.getValue().up())
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final List<Check> checks;
    private final ExecutorService executor;

    public Health(List<Check> checks) {
        this.checks = List.copyOf(checks);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "health-check");
            t.setDaemon(true);
            return t;
        });
    }

    public Report check() {
        Map<String, CompletableFuture<Status>> running = new LinkedHashMap<>();
        for (Check c : checks) {
            running.put(c.name(), CompletableFuture.supplyAsync(c.probe(), executor));
        }
        Map<String, Status> parts = new LinkedHashMap<>();
        long deadline = System.nanoTime() + CHECK_TIMEOUT.toNanos();
        running.forEach((name, future) -> parts.put(name, await(future, deadline)));
        return new Report(parts);
    }

    private static Status await(CompletableFuture<Status> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Status.down("no answer within " + CHECK_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Status.down(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Status.down("interrupted");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
