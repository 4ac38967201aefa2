package org.roadmapbot.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Every garbage collection while it listens, as the JVM reports it after each one (the collectors'
 * notifications): how long it stopped the bot, and the heap each left behind. The load bench reads
 * the live heap from these instead of forcing a full collection: a forced one stops the bot for as
 * long as a real one (100-250 ms with the serial collector), which is what the soak's p99 measures.
 *
 * <p>The heap a collection leaves is an upper bound on the live set: after a full collection it is
 * the live set; after a young one it also counts whatever dead objects sit in the old generation
 * since the last full one. The lowest such figure over a window is the window's live heap.
 */
final class GcWatch implements AutoCloseable {

    /**
     * One collection: which collector, whether it collected the whole heap, its pause, and the heap in
     * use (all heap pools) and the old generation's use before and after it, in bytes.
     */
    record Collection(
            long atNanos,
            String collector,
            boolean full,
            long pauseMillis,
            long heapBefore,
            long heapAfter,
            long oldBefore,
            long oldAfter) {

        /** What a young collection moved into the old generation (0 for a full one, which only frees). */
        long promoted() {
            return full ? 0 : Math.max(0, oldAfter - oldBefore);
        }
    }

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());

    /** "Tenured Gen" (serial), "PS Old Gen", "G1 Old Gen"; a collector with one pool has no old generation. */
    private static final Set<String> OLD_POOLS = HEAP_POOLS.stream()
            .filter(n -> n.contains("Old") || n.contains("Tenured"))
            .collect(Collectors.toUnmodifiableSet());

    private final List<Collection> collections = Collections.synchronizedList(new ArrayList<>());
    private final Map<NotificationEmitter, NotificationListener> listening = new LinkedHashMap<>();

    private GcWatch() {}

    /** Starts listening to every collector of this JVM. */
    static GcWatch start() {
        GcWatch watch = new GcWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (notification, handback) -> watch.record(notification);
                emitter.addNotificationListener(listener, null, null);
                watch.listening.put(emitter, listener);
            }
        }
        return watch;
    }

    private void record(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GcInfo gc = info.getGcInfo();
        collections.add(new Collection(
                System.nanoTime(),
                info.getGcName(),
                info.getGcAction().contains("major"),
                gc.getDuration(),
                sum(gc.getMemoryUsageBeforeGc(), HEAP_POOLS),
                sum(gc.getMemoryUsageAfterGc(), HEAP_POOLS),
                sum(gc.getMemoryUsageBeforeGc(), OLD_POOLS),
                sum(gc.getMemoryUsageAfterGc(), OLD_POOLS)));
    }

    private static long sum(Map<String, MemoryUsage> usage, Set<String> pools) {
        long bytes = 0;
        for (var pool : usage.entrySet()) {
            if (pools.contains(pool.getKey())) {
                bytes += pool.getValue().getUsed();
            }
        }
        return bytes;
    }

    /** The collections reported so far, oldest first. */
    List<Collection> collections() {
        synchronized (collections) {
            return List.copyOf(collections);
        }
    }

    /** The collections reported so far that ended from {@code fromNanos} (System.nanoTime) until before {@code toNanos}. */
    List<Collection> between(long fromNanos, long toNanos) {
        synchronized (collections) {
            return collections.stream()
                    .filter(c -> c.atNanos() >= fromNanos && c.atNanos() < toNanos)
                    .toList();
        }
    }

    /**
     * The live heap of {@code count} equal windows from {@code fromNanos} to {@code toNanos}: the least heap a
     * collection in each left, in MB; a window without a collection has no reading.
     */
    static List<Window> windows(List<Collection> collections, long fromNanos, long toNanos, int count) {
        List<Window> windows = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            long start = fromNanos + (toNanos - fromNanos) * w / count;
            long end = w == count - 1 ? toNanos : fromNanos + (toNanos - fromNanos) * (w + 1) / count;
            List<Collection> in = collections.stream()
                    .filter(c -> c.atNanos() >= start && c.atNanos() < end)
                    .toList();
            OptionalLong least = in.stream().mapToLong(Collection::heapAfter).min();
            windows.add(new Window(
                    least.isPresent() ? least.getAsLong() / MB : -1, in.stream().anyMatch(Collection::full)));
        }
        return windows;
    }

    /** One window's live heap (negative: no collection in it) and whether a full collection measured it exactly. */
    record Window(double liveMb, boolean full) {
        /** "57" or "57*" (a full collection in the window); "–" without any collection. */
        String show() {
            return liveMb < 0 ? "–" : String.format(Locale.ROOT, "%.0f%s", liveMb, full ? "*" : "");
        }
    }

    private static final double MB = 1024.0 * 1024.0;

    @Override
    public void close() {
        listening.forEach((emitter, listener) -> {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone: nothing to undo
            }
        });
        listening.clear();
    }
}
