package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The parallel-for and the bit-identity of kernels with 1 and 2 threads. */
class ParallelTest {
    private final int saved = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(saved);
    }

    /** Runs {@code f} with 1 and with 2 threads and requires bit-identical results. */
    private static void assertSameBits(String what, Supplier<Tensor> f) {
        Parallel.setThreads(1);
        Tensor one = f.get();
        Parallel.setThreads(2);
        Tensor two = f.get();
        assertArrayEquals(one.shape(), two.shape(), what);
        assertArrayEquals(one.data(), two.data(), what + ": 1 and 2 threads differ");
    }

    @Test
    void chunkingDependsOnlyOnSizeAndGrain() {
        assertEquals(0, Parallel.chunks(0, 5));
        assertEquals(1, Parallel.chunks(5, 5));
        assertEquals(2, Parallel.chunks(6, 5));
        assertThrows(IllegalArgumentException.class, () -> Parallel.chunks(5, 0));
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        List<String> seen1 = chunks(1), seen2 = chunks(2);
        assertEquals(seen1, seen2);
        assertEquals(List.of("0:0-7", "1:7-14", "2:14-21", "3:21-23"), seen1);
    }

    private static List<String> chunks(int threads) {
        Parallel.setThreads(threads);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Parallel.forRange(23, 7, (c, lo, hi) -> seen.add(c + ":" + lo + "-" + hi));
        List<String> sorted = new ArrayList<>(seen);
        Collections.sort(sorted);
        return sorted;
    }

    @Test
    void everyIndexRunsExactlyOnce() {
        Parallel.setThreads(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(1003);
        Parallel.forRange(1003, 10, (c, lo, hi) -> {
            for (int i = lo; i < hi; i++) hits.incrementAndGet(i);
        });
        for (int i = 0; i < hits.length(); i++) assertEquals(1, hits.get(i), "index " + i);
    }

    @Test
    void nestedLoopsRunInlineWithTheSameChunks() {
        Parallel.setThreads(2);
        List<String> inner = Collections.synchronizedList(new ArrayList<>());
        Parallel.forRange(4, 1, (c, lo, hi) -> {
            String outerThread = Thread.currentThread().getName();
            Parallel.forRange(3, 1, (ic, ilo, ihi) -> {
                assertEquals(outerThread, Thread.currentThread().getName(), "nested chunks run on the outer chunk's thread");
                inner.add(c + "." + ic);
            });
        });
        List<String> sorted = new ArrayList<>(inner);
        Collections.sort(sorted);
        assertEquals(List.of("0.0", "0.1", "0.2", "1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "3.0", "3.1", "3.2"), sorted);
        // the flag does not leak: on the calling thread a top-level loop is parallel again. Each chunk
        // waits for the other to start, which only two threads can do.
        CountDownLatch both = new CountDownLatch(2);
        String[] names = new String[2];
        Parallel.forRange(2, 1, (c, lo, hi) -> {
            names[c] = Thread.currentThread().getName();
            both.countDown();
            try {
                assertTrue(both.await(20, TimeUnit.SECONDS), "chunks of a top-level loop run at the same time");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertNotEquals(names[0], names[1]);
    }

    @Test
    void aLoopStartedByAnotherThreadWhileTheWorkersAreBusyRunsInline() {
        Parallel.setThreads(2);
        // a loop started by another thread while this one holds the workers runs inline, with the same chunks
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Parallel.forRange(2, 1, (c, lo, hi) -> {
            if (c != 0) return;
            Thread t = new Thread(() -> Parallel.forRange(23, 7, (ic, ilo, ihi) -> seen.add(ic + ":" + ilo + "-" + ihi)));
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of("0:0-7", "1:7-14", "2:14-21", "3:21-23"), seen);
    }

    @Test
    void exceptionsFromAnyChunkPropagateAndThePoolSurvives() {
        Parallel.setThreads(2);
        for (int bad = 0; bad < 4; bad++) {
            final int b = bad;
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(40, 10, (c, lo, hi) -> {
                if (c == b) throw new IllegalStateException("chunk " + c);
            }));
            assertTrue(e.getMessage().contains("chunk " + bad), e.getMessage());
        }
        AtomicIntegerArray hits = new AtomicIntegerArray(1);
        Parallel.forRange(40, 10, (c, lo, hi) -> hits.incrementAndGet(0));
        assertEquals(4, hits.get(0));
    }

    @Test
    void canForkOnlyOutsideALoopAndWithSeveralThreads() {
        try {
            Parallel.setThreads(1);
            assertFalse(Parallel.canFork());
            Parallel.setThreads(2);
            assertTrue(Parallel.canFork());
            AtomicIntegerArray inside = new AtomicIntegerArray(2);
            Parallel.forRange(2, 1, (c, lo, hi) -> inside.set(c, Parallel.canFork() ? 1 : 2));
            assertEquals(2, inside.get(0), "inside a loop, chunk 0");
            assertEquals(2, inside.get(1), "inside a loop, chunk 1");
        } finally {
            Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void matmulIsBitIdenticalWithOneAndTwoThreadsForEveryKernel() {
        Rng rng = new Rng(41);
        Tensor a = Tensor.randn(rng, 300, 600), b = Tensor.randn(rng, 600, 530), bt = Tensor.randn(rng, 530, 600);
        Tensor at = Tensor.randn(rng, 600, 300), batched = Tensor.randn(rng, 3, 67, 600);
        Tensor few = Tensor.randn(rng, 32, 600), fewT = Tensor.randn(rng, 600, 32); // B read in place, cut by columns
        // 8-64 MFLOP: one part per thread, cut by rows (m > n) or by columns, at a row count and a column count that are not multiples of the blocks
        Tensor tall = Tensor.randn(rng, 130, 600), narrow = Tensor.randn(rng, 600, 70), narrowT = Tensor.randn(rng, 70, 600), tallT = Tensor.randn(rng, 600, 130);
        Tensor wide = Tensor.randn(rng, 600, 197);
        Tensor longA = Tensor.randn(rng, 18, 8000), longB = Tensor.randn(rng, 40, 8000); // small C, long k: dot products
        for (Gemm kernel : LinalgTest.kernels()) {
            Gemm previous = Gemm.use(kernel);
            try {
                String k = kernel.getClass().getSimpleName() + " ";
                assertSameBits(k + "matmul", () -> Linalg.matmul(a, b));
                assertSameBits(k + "matmul A B^T", () -> Linalg.matmul(a, false, bt, true));
                assertSameBits(k + "matmul A^T B", () -> Linalg.matmul(at, true, b, false));
                assertSameBits(k + "batched matmul", () -> Linalg.matmul(batched, b));
                assertSameBits(k + "matmul few rows", () -> Linalg.matmul(few, b));
                assertSameBits(k + "matmul few rows A^T B^T", () -> Linalg.matmul(fewT, true, bt, true));
                assertSameBits(k + "matmul cut by rows", () -> Linalg.matmul(tall, narrow));
                assertSameBits(k + "matmul cut by rows A^T B^T", () -> Linalg.matmul(tallT, true, narrowT, true));
                assertSameBits(k + "matmul cut by columns", () -> Linalg.matmul(narrowT, wide));
                assertSameBits(k + "matmul small A B^T, long k", () -> Linalg.matmul(longA, false, longB, true));
            } finally {
                Gemm.use(previous);
            }
        }
    }

    @Test
    void elementwiseAndReductionsAreBitIdenticalWithOneAndTwoThreads() {
        Rng rng = new Rng(42);
        int rows = 400, cols = 300; // 120000 elements: several chunks of Elementwise.GRAIN
        Tensor x = Tensor.randn(rng, rows, cols), y = Tensor.randn(rng, rows, cols);
        Tensor row = Tensor.randn(rng, cols), col = Tensor.randn(rng, rows, 1);
        assertTrue(Parallel.chunks(x.numel(), Elementwise.GRAIN) >= 3);
        assertSameBits("add", () -> Elementwise.add(x, y));
        assertSameBits("div", () -> Elementwise.div(x, y));
        assertSameBits("broadcast mul row", () -> Elementwise.mul(x, row));
        assertSameBits("broadcast sub col", () -> Elementwise.sub(x, col));
        assertSameBits("outer broadcast", () -> Elementwise.add(col, row));
        assertSameBits("map", () -> Elementwise.map(x, v -> (float) Math.tanh(v)));
        assertSameBits("scale", () -> Elementwise.scale(x, 0.3f));
        assertSameBits("axpyInPlace", () -> {
            Tensor acc = y.copy();
            Elementwise.axpyInPlace(acc, 0.7f, x);
            return acc;
        });
        assertSameBits("sum", () -> Reductions.sum(x, false, 0));
        assertSameBits("var", () -> Reductions.var(x, true, false, 1));
        assertSameBits("sumToShape", () -> Reductions.sumToShape(x, new int[] {cols}));
    }
}
