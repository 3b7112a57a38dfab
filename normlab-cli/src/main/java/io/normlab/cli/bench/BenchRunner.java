package io.normlab.cli.bench;

import io.normlab.tensor.Parallel;
import java.util.Arrays;

/**
 * Times a {@link Workload}: set up, warm up (at least {@code warmupSeconds} and 3 runs, so the JIT
 * has compiled the hot code), then at least {@code reps} timed runs and at least half a second of
 * them (at most 1000); reports the median.
 */
public final class BenchRunner {
    private final int reps;
    private final double warmupSeconds;

    public BenchRunner(int reps, double warmupSeconds) {
        if (reps < 1) throw new IllegalArgumentException("bench: repetitions must be >= 1, got " + reps);
        this.reps = reps;
        this.warmupSeconds = warmupSeconds;
    }

    /** Measures {@code w} with {@code threads} worker threads. */
    public BenchResult measure(Workload w, int threads) {
        Parallel.setThreads(threads);
        w.setup();
        try {
            PeakMemory.reset();
            long end = System.nanoTime() + (long) (warmupSeconds * 1e9);
            for (int i = 0; i < 3 || System.nanoTime() < end; i++) w.run();
            double[] ms = new double[1000];
            int n = 0;
            double total = 0;
            while (n < ms.length && (n < reps || total < 500)) {
                long t0 = System.nanoTime();
                w.run();
                ms[n] = (System.nanoTime() - t0) / 1e6;
                total += ms[n++];
            }
            double[] t = Arrays.copyOf(ms, n);
            Arrays.sort(t);
            double median = n % 2 == 1 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
            double rate = w.work() / (median / 1e3) / w.unit().scale;
            return new BenchResult(w.name(), threads, w.unit(), median, t[0], n, rate, PeakMemory.peakRss(), PeakMemory.peakHeap());
        } finally {
            w.tearDown();
        }
    }
}
