package io.normlab.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small parallel-for. Work {@code [0, n)} is cut into chunks of {@code grain} items; the cut
 * depends only on {@code n} and {@code grain}, never on the thread count, and each chunk is
 * processed by one thread in index order. A kernel that writes disjoint outputs per chunk, or
 * combines per-chunk partials in chunk order, is therefore bit-identical with 1 or N threads.
 *
 * <p>The thread count is global and settable ({@link #setThreads(int)}; default: the number of
 * available processors). The calling thread and {@code threads - 1} workers claim chunks from a
 * shared counter, so a worker that the operating system has not scheduled yet (the machine is
 * shared) delays nothing: the caller takes its chunks. Workers spin for a few microseconds after a
 * loop before they park, so the next loop of a training step finds them awake. A loop of a single
 * chunk runs on the calling thread. A loop started inside the body of a multi-threaded loop (e.g.
 * a GEMM inside a convolution's loop over the batch) runs its chunks inline on that thread, in
 * order, as does a loop started while another thread's loop holds the workers. The chunks, and so
 * the results, are the same either way.
 */
public final class Parallel {
    private static volatile int threads = Runtime.getRuntime().availableProcessors();
    private static volatile Workers workers;
    /** True on a thread while it runs chunks of a multi-threaded loop: nested loops then run inline. */
    private static final ThreadLocal<boolean[]> IN_PARALLEL = ThreadLocal.withInitial(() -> new boolean[1]);
    private static final ReentrantLock BUSY = new ReentrantLock();

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
            Workers old = workers;
            workers = null;
            threads = n;
            if (old != null) old.shutdown();
        }
    }

    /** The configured number of worker threads. */
    public static int threads() {
        return threads;
    }

    /**
     * True when a loop started on this thread would run on several threads: more than one is
     * configured and this thread is not already running chunks of a loop (nested loops run inline).
     * For kernels whose cut only pays when its parts really run at the same time.
     */
    public static boolean canFork() {
        return threads > 1 && !IN_PARALLEL.get()[0];
    }

    /** Number of chunks {@code forRange(n, grain, ...)} will create. */
    public static int chunks(int n, int grain) {
        if (grain < 1) throw new IllegalArgumentException("grain must be >= 1, got " + grain);
        return n <= 0 ? 0 : (n + grain - 1) / grain;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in chunks of {@code grain} items (the last one shorter).
     * Returns when every chunk has finished, also when some of them threw; the exception of the
     * lowest such chunk is then rethrown.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int chunks = chunks(n, grain);
        if (chunks == 0) return;
        if (chunks == 1 || threads == 1 || IN_PARALLEL.get()[0] || !BUSY.tryLock()) {
            for (int c = 0; c < chunks; c++) body.run(c, c * grain, end(c, n, grain));
            return;
        }
        try {
            Loop loop = new Loop(n, grain, chunks, body);
            pool().start(loop);
            loop.work();
            loop.awaitDone();
            loop.rethrow();
        } finally {
            BUSY.unlock();
        }
    }

    /** End of chunk {@code c}, computed in long so that chunks near 2^31 do not overflow. */
    private static int end(int c, int n, int grain) {
        return (int) Math.min(n, (c + 1L) * grain);
    }

    private static Workers pool() {
        Workers w = workers;
        if (w == null) {
            synchronized (Parallel.class) {
                w = workers;
                if (w == null) workers = w = new Workers(threads - 1);
            }
        }
        return w;
    }

    /** One parallel loop: chunks claimed from a counter, completions counted, failures kept by chunk. */
    private static final class Loop {
        final int n;
        final int grain;
        final int chunks;
        final RangeBody body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Thread waiter;
        private int failedChunk = Integer.MAX_VALUE;
        private Throwable failure;

        Loop(int n, int grain, int chunks, RangeBody body) {
            this.n = n;
            this.grain = grain;
            this.chunks = chunks;
            this.body = body;
            this.waiter = Thread.currentThread();
        }

        /** Claims and runs chunks until none is left. */
        void work() {
            boolean[] flag = IN_PARALLEL.get();
            boolean outer = flag[0];
            flag[0] = true;
            try {
                for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    try {
                        body.run(c, c * grain, end(c, n, grain));
                    } catch (RuntimeException | Error e) {
                        fail(c, e);
                    }
                    if (done.incrementAndGet() == chunks) LockSupport.unpark(waiter);
                }
            } finally {
                flag[0] = outer;
            }
        }

        private synchronized void fail(int chunk, Throwable e) {
            if (chunk < failedChunk) {
                failedChunk = chunk;
                failure = e;
            }
        }

        void awaitDone() {
            for (int spin = 0; done.get() < chunks; spin++) {
                if (spin < 2000) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 50_000);
            }
        }

        synchronized void rethrow() {
            if (failure instanceof RuntimeException) throw (RuntimeException) failure;
            if (failure instanceof Error) throw (Error) failure;
        }
    }

    /** Daemon worker threads that run the current loop's chunks, spinning briefly between loops. */
    private static final class Workers {
        private static final long SPIN_NANOS = 50_000;
        private final Thread[] threads;
        private volatile Loop current;
        private volatile long generation;
        private volatile boolean stopped;

        Workers(int count) {
            threads = new Thread[count];
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(this::run, "normlab-worker-" + i);
                t.setDaemon(true);
                threads[i] = t;
                t.start();
            }
        }

        void start(Loop loop) {
            current = loop;
            generation++; // only the lock holder writes it
            for (Thread t : threads) LockSupport.unpark(t);
        }

        void shutdown() {
            stopped = true;
            for (Thread t : threads) LockSupport.unpark(t);
        }

        private void run() {
            long seen = 0;
            while (!stopped) {
                long g = generation;
                if (g != seen) {
                    seen = g;
                    Loop loop = current;
                    if (loop != null) loop.work();
                    continue;
                }
                long until = System.nanoTime() + SPIN_NANOS;
                while (generation == seen && !stopped && System.nanoTime() < until) Thread.onSpinWait();
                if (generation == seen && !stopped) LockSupport.park(this);
            }
        }
    }
}
