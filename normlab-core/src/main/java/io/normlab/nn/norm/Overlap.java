package io.normlab.nn.norm;

import io.normlab.tensor.Parallel;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A parallel loop over chunks of statistics that write an output array, with the allocation of
 * that array overlapped with work: the JVM zeroes a new 16 MiB float[] on the allocating thread in
 * about 0.7 ms, as long as a whole kernel pass. For large outputs an extra first chunk allocates
 * the array while the other threads take the statistic chunks; a chunk that finds the array
 * allocated writes its outputs right away (its inputs still in cache), one that does not leaves
 * them to a second parallel loop over the chunks left. A chunk's outputs are computed the same way
 * whoever computes them and whenever, so results are bit-identical for any thread count and
 * schedule. On one thread the allocating chunk runs first, and every chunk writes its outputs.
 */
final class Overlap {
    /** Outputs from this many elements are allocated by a chunk of the loop (tests lower it). */
    static int minElements = 1 << 20;
    /** Allocates the output (tests slow it down to force the second loop). */
    static IntFunction<float[]> allocator = float[]::new;

    private Overlap() {}

    /** Writes the outputs of one unit (a chunk, or a statistic) into {@code out}. */
    @FunctionalInterface
    interface Output {
        void write(int chunk, float[] out);
    }

    /** A whole chunk: its statistics, and its outputs when {@code out} is not null. */
    @FunctionalInterface
    interface Chunk {
        void run(int chunk, float[] out);
    }

    /**
     * Runs {@code chunk} for every chunk in {@code [0, chunks)}, and {@code output} for those that
     * ran before the output existed; returns the output: {@code given}, or a new array of
     * {@code length} (null when {@code length < 0}: no output).
     */
    static float[] run(int chunks, int length, float[] given, Chunk whole, Output output) {
        boolean overlap = given == null && length >= minElements && chunks > 1;
        AtomicReference<float[]> ref = new AtomicReference<>(given != null ? given : length >= 0 && !overlap ? new float[length] : null);
        boolean[] done = new boolean[chunks];
        int extra = overlap ? 1 : 0;
        Parallel.forRange(chunks + extra, 1, (chunk, a, b) -> {
            if (chunk < extra) {
                ref.set(allocator.apply(length));
                return;
            }
            float[] out = ref.get();
            whole.run(chunk - extra, out);
            done[chunk - extra] = out != null;
        });
        float[] out = ref.get();
        if (out == null) return null;
        int left = 0;
        for (boolean d : done) if (!d) left++;
        int[] rest = new int[left];
        for (int c = 0, i = 0; c < chunks; c++) if (!done[c]) rest[i++] = c;
        Parallel.forRange(rest.length, 1, (i, a, b) -> output.write(rest[i], out));
        return out;
    }
}
