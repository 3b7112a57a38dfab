package io.normlab.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this process: the resident set's high-water mark (VmHWM of
 * {@code /proc/self/status}, Linux; reset by writing 5 to {@code /proc/self/clear_refs}) and the
 * sum of the Java heap pools' peak usage. The JVM keeps heap pages it once touched, so the RSS
 * peak of a workload run after others includes their pages: run one workload per JVM for a
 * per-workload figure (as the PyTorch side does per process).
 */
final class PeakMemory {
    private PeakMemory() {}

    /** Collects garbage and starts new peaks (RSS only where the kernel supports clear_refs). */
    static void reset() {
        System.gc();
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: VmHWM stays the peak since the JVM started
        }
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /** VmHWM in bytes, or -1 when /proc is not available. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
        return -1;
    }

    /** Sum of the heap pools' peak usage since {@link #reset}, in bytes. */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
