package io.normlab.tensor;

/**
 * A per-thread float buffer that a kernel reuses from call to call instead of allocating (the JVM
 * zeroes every new array: a 1 MB temporary costs its zeroing and its share of garbage collection
 * each time). For temporaries that the kernel overwrites before reading and never hands out:
 * the contents left by an earlier call are garbage. Each use site owns its own instance, so
 * that two temporaries alive at once never share a buffer; the buffer grows (by at least half)
 * and is kept for the thread's life.
 */
public final class Scratch {
    private final ThreadLocal<float[][]> buffer = ThreadLocal.withInitial(() -> new float[1][]);

    /** This thread's buffer, at least {@code size} long; its contents are undefined. */
    public float[] get(int size) {
        float[][] holder = buffer.get();
        float[] b = holder[0];
        if (b == null || b.length < size) {
            b = holder[0] = new float[Math.max(size, b == null ? 0 : b.length + b.length / 2)];
        }
        return b;
    }
}
