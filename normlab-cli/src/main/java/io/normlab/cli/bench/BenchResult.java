package io.normlab.cli.bench;

/**
 * One measured workload.
 *
 * @param name      workload name
 * @param threads   worker threads ({@code Parallel.setThreads})
 * @param unit      unit of {@code rate}
 * @param medianMs  median time of one repetition
 * @param minMs     fastest repetition
 * @param reps      timed repetitions
 * @param rate      {@code work / median} in {@code unit}
 * @param peakRss   VmHWM in bytes during the workload (-1 unknown)
 * @param peakHeap  sum of heap pool peaks in bytes during the workload
 */
public record BenchResult(String name, int threads, Workload.Unit unit, double medianMs, double minMs, int reps, double rate,
                          long peakRss, long peakHeap) {}
