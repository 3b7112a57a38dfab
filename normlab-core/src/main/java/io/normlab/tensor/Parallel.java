package io.normlab.tensor;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.ArrayList;
import java.util.List;

/**
 * A small parallel-for. Work {@code [0, n)} is cut into chunks of {@code grain} items; the cut
 * depends only on {@code n} and {@code grain}, never on the thread count, and each chunk is
 * processed by one thread in index order. A kernel that writes disjoint outputs per chunk, or
 * combines per-chunk partials in chunk order, is therefore bit-identical with 1 or N threads.
 *
 * <p>The thread count is global and settable ({@link #setThreads(int)}; default: the number of
 * available processors). Work of a single chunk runs on the calling thread. A loop started inside
 * the body of a multi-threaded loop (e.g. a GEMM inside a convolution's loop over the batch) runs
 * its chunks inline on that thread, in order: the outer loop already occupies the workers, and a
 * thread blocked joining nested tasks queued behind busy workers would sit idle. The chunks, and so
 * the results, are the same either way.
 */
public final class Parallel {
    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static volatile ForkJoinPool pool;
    /** True on a thread while it runs chunks of a multi-threaded loop: nested loops then run inline. */
    private static final ThreadLocal<boolean[]> IN_PARALLEL = ThreadLocal.withInitial(() -> new boolean[1]);

    private Parallel() {}

    /** The body of a parallel loop over items {@code [start, end)}; {@code chunk} is the chunk index. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int chunk, int start, int end);
    }

    /** Sets the number of worker threads (at least 1). */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("thread count must be >= 1, got " + n);
        if (n != threads) {
            ForkJoinPool old = pool;
            pool = null;
            threads = n;
            if (old != null) old.shutdown();
        }
    }

    /** The configured number of worker threads. */
    public static int threads() {
        return threads;
    }

    /** Number of chunks {@code forRange(n, grain, ...)} will create. */
    public static int chunks(int n, int grain) {
        if (grain < 1) throw new IllegalArgumentException("grain must be >= 1, got " + grain);
        return n <= 0 ? 0 : (n + grain - 1) / grain;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of {@code grain} items (the last one shorter).
     * Returns when every chunk has finished, also when one of them threw; the first exception
     * (the calling thread's own, else the lowest worker's) is then rethrown.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = chunks(n, grain);
        if (chunks == 0) return;
        if (chunks == 1 || threads == 1 || IN_PARALLEL.get()[0]) {
            for (int c = 0; c < chunks; c++) {
                body.run(c, c * grain, end(c, n, grain));
            }
            return;
        }
        ForkJoinPool p = pool();
        int workers = Math.min(threads, chunks);
        // Each worker takes a fixed, interleaved set of chunks; what a chunk computes never depends on it.
        List<ForkJoinTask<?>> tasks = new ArrayList<>(workers - 1);
        for (int w = 1; w < workers; w++) {
            final int worker = w;
            tasks.add(p.submit(() -> runChunks(worker, workers, chunks, n, grain, body)));
        }
        Throwable failure = null;
        try {
            runChunks(0, workers, chunks, n, grain, body);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // Join every task even after a failure, so no chunk is still writing when we return.
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.join();
            } catch (RuntimeException | Error e) {
                if (failure == null) failure = e;
            }
        }
        if (failure instanceof RuntimeException) throw (RuntimeException) failure;
        if (failure instanceof Error) throw (Error) failure;
    }

    private static void runChunks(int worker, int workers, int chunks, int n, int grain, RangeBody body) {
        boolean[] flag = IN_PARALLEL.get();
        boolean outer = flag[0];
        flag[0] = true;
        try {
            for (int c = worker; c < chunks; c += workers) {
                body.run(c, c * grain, end(c, n, grain));
            }
        } finally {
            flag[0] = outer;
        }
    }

    /** End of chunk {@code c}, computed in long so that chunks near 2^31 do not overflow. */
    private static int end(int c, int n, int grain) {
        return (int) Math.min(n, (c + 1L) * grain);
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(Math.max(1, threads - 1), daemonFactory(), null, false);
                    pool = p;
                }
            }
        }
        return p;
    }

    private static ForkJoinPool.ForkJoinWorkerThreadFactory daemonFactory() {
        return pool -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setDaemon(true);
            t.setName("normlab-worker-" + t.getPoolIndex());
            return t;
        };
    }
}
