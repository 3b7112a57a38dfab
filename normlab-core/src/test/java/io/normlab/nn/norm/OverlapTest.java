package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.normlab.tensor.Parallel;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Overlap}: the output allocated by a chunk of the loop. With the allocation held back until
 * every chunk has computed its statistics, all outputs come from the second loop (exactly once per
 * chunk); the kernels must give the same bits whichever loop writes a chunk as with the output allocated up front, on 1 and 2 threads, and match
 * {@link NormReference} on awkward layouts of several chunks.
 */
class OverlapTest {
    private static final List<NormCore.Spec> SPECS = List.of(
            new NormCore.Spec(NormLayout.perSample(300, 1, 129, 1), true, 1e-5f, NormCore.AffineAxis.ELEMENT),
            new NormCore.Spec(NormLayout.perSample(20, 12, 250, 4), true, 1e-5f, NormCore.AffineAxis.CHANNEL),
            new NormCore.Spec(NormLayout.perSample(9, 6, 1001, 6), true, 1e-5f, NormCore.AffineAxis.CHANNEL),
            new NormCore.Spec(NormLayout.perChannel(8, 6, 3000), true, 1e-5f, NormCore.AffineAxis.CHANNEL),
            new NormCore.Spec(NormLayout.perSample(300, 1, 129, 1), false, 1e-5f, NormCore.AffineAxis.ELEMENT));

    private int threads;
    private IntFunction<float[]> allocator;
    private int minElements;

    @BeforeEach
    void saveSettings() {
        threads = Parallel.threads();
        allocator = Overlap.allocator;
        minElements = Overlap.minElements;
    }

    @AfterEach
    void restoreSettings() {
        Overlap.allocator = allocator;
        Overlap.minElements = minElements;
        Parallel.setThreads(threads);
    }

    @Test
    void everyChunkIsWrittenOnceWhenTheAllocationComesLast() {
        Parallel.setThreads(2);
        Overlap.minElements = 0;
        AtomicInteger statsDone = new AtomicInteger();
        Overlap.allocator = waitFor(statsDone, 7);
        int[] writes = new int[7];
        Overlap.Output write = (c, o) -> {
            writes[c]++;
            o[c] = c + 1;
        };
        float[] out = Overlap.run(7, 7, null, (c, o) -> {
            statsDone.incrementAndGet();
            if (o != null) write.write(c, o);
        }, write);
        for (int c = 0; c < 7; c++) {
            assertEquals(1, writes[c], "chunk " + c + " writes");
            assertEquals(c + 1, out[c], "chunk " + c + " output");
        }
    }

    /** An allocator that waits (up to 10 s) until {@code target} chunks have computed their statistics. */
    private static IntFunction<float[]> waitFor(AtomicInteger done, int target) {
        return n -> {
            long end = System.nanoTime() + 10_000_000_000L;
            while (done.get() < target && System.nanoTime() < end) Thread.onSpinWait();
            return new float[n];
        };
    }

    @Test
    void kernelsGiveTheSameBitsWhicheverLoopWritesTheOutput() {
        for (NormCore.Spec spec : SPECS) {
            NormLayout l = spec.layout();
            Rng rng = new Rng(21);
            int params = spec.affine() == NormCore.AffineAxis.ELEMENT ? l.c() * l.s() : l.c();
            float[] x = Tensor.randn(rng, 3f, 2f, l.numel()).data(), dy = Tensor.randn(rng, l.numel()).data();
            float[] gamma = Tensor.randn(rng, 1f, 0.5f, params).data(), beta = Tensor.randn(rng, params).data();
            Overlap.minElements = Integer.MAX_VALUE;
            Parallel.setThreads(1);
            NormKernel.Output want = NormKernel.forward(x, spec, null, gamma, beta, null);
            NormKernel.Grads wantG = NormKernel.backward(dy, x, spec, want.stats(), true, gamma, true, true, true);
            float[] yRef = new float[x.length];
            NormReference.forward(x, spec, want.stats(), gamma, beta, yRef);
            Checks.close(spec.layout() + " y vs reference", Tensor.wrap(yRef, x.length), Tensor.wrap(want.y(), x.length), 2e-5);
            NormKernel.Grads ref = NormReference.backward(dy, x, spec, want.stats(), true, gamma, true, true, true);
            Checks.close(spec.layout() + " dx vs reference", Tensor.wrap(ref.dx(), x.length), Tensor.wrap(wantG.dx(), x.length), 2e-5);
            Overlap.minElements = 0;
            for (int t : new int[] {1, 2}) {
                for (boolean late : new boolean[] {false, true}) {
                    Parallel.setThreads(t);
                    int chunks = Parallel.chunks(l.statCount(), Accum.grain(Stats.runElements(l)));
                    assertTrue(chunks > 1, l + ": several chunks");
                    Overlap.allocator = late && t > 1 ? OverlapTest::slowly : float[]::new;
                    String what = l + " centered " + spec.centered() + " threads " + t + (late ? " late allocation" : "");
                    NormKernel.Output got = NormKernel.forward(x, spec, null, gamma, beta, null);
                    Checks.identical(what + ": y", Tensor.wrap(want.y(), x.length), Tensor.wrap(got.y(), x.length));
                    NormKernel.Grads g = NormKernel.backward(dy, x, spec, got.stats(), true, gamma, true, true, true);
                    Checks.identical(what + ": dx", Tensor.wrap(wantG.dx(), x.length), Tensor.wrap(g.dx(), x.length));
                    Checks.identical(what + ": dgamma", Tensor.wrap(wantG.dgamma(), params), Tensor.wrap(g.dgamma(), params));
                    Checks.identical(what + ": dbeta", Tensor.wrap(wantG.dbeta(), params), Tensor.wrap(g.dbeta(), params));
                }
            }
        }
    }

    /** A new array after 50 ms: the other thread has by then computed the statistics of (nearly) every chunk. */
    private static float[] slowly(int n) {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new float[n];
    }
}
