package org.roadmapbot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What a figure was measured on: cores, CPU, memory, Java, OS. */
public final class Machine {

    private Machine() {}

    public static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format(
                Locale.ROOT,
                "%d cores%s, Java %s (%s), %s %s %s, max heap %d MB",
                rt.availableProcessors(),
                cpuModel().map(m -> " (" + m + ")").orElse(""),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                rt.maxMemory() / (1024 * 1024));
    }

    /** The CPU model from /proc/cpuinfo (Linux), if readable. */
    static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip().replaceAll("\\s+", " "))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** CPU time this process has used so far, all threads, in ns (-1 where the JVM cannot say). */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    /** Resident set size of this process in MB (Linux), if readable. */
    public static Optional<Long> residentMegabytes() {
        return status("VmRSS:");
    }

    /** The most resident memory this process has had so far, in MB (Linux), if readable. */
    public static Optional<Long> peakResidentMegabytes() {
        return status("VmHWM:");
    }

    private static Optional<Long> status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Heap in use after a full collection, in MB: the live set, what a leak would grow. */
    public static double liveHeapMegabytes() {
        return liveHeapMegabytes(3);
    }

    /** As {@link #liveHeapMegabytes()} with {@code collections} full GCs first (one is enough mid-run). */
    public static double liveHeapMegabytes(int collections) {
        for (int i = 0; i < collections; i++) {
            System.gc();
        }
        // Each heap pool's usage as the last collection left it: exact even while other threads
        // allocate (the plain "used" figure read after System.gc() already counts their new objects).
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                bytes += afterGc.getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
