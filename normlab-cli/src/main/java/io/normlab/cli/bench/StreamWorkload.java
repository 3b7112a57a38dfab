package io.normlab.cli.bench;

import io.normlab.tensor.Parallel;

/**
 * The memory-bandwidth reference of WORKLOADS.md: STREAM's copy {@code a = b}, scale
 * {@code a = s b} and triad {@code a = b + s c} over 64 MiB float arrays, split over threads with
 * {@link Parallel#forRange}. Bytes counted: 2 arrays for copy and scale, 3 for triad.
 */
final class StreamWorkload implements Workload {
    enum Kind { COPY, SCALE, TRIAD }

    private static final int N = 16 << 20;
    private static final int GRAIN = 1 << 18;
    private final Kind kind;
    private float[] a;
    private float[] b;
    private float[] c;

    StreamWorkload(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return "stream-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Unit unit() {
        return Unit.GBPS;
    }

    @Override
    public double work() {
        return (kind == Kind.TRIAD ? 3.0 : 2.0) * N * Float.BYTES;
    }

    @Override
    public void setup() {
        a = new float[N];
        b = new float[N];
        c = new float[N];
        java.util.Arrays.fill(b, 1f);
        java.util.Arrays.fill(c, 2f);
    }

    @Override
    public void run() {
        float[] x = a, y = b, z = c;
        float s = 3f;
        switch (kind) {
            case COPY: Parallel.forRange(N, GRAIN, (ch, lo, hi) -> System.arraycopy(y, lo, x, lo, hi - lo)); break;
            case SCALE: Parallel.forRange(N, GRAIN, (ch, lo, hi) -> { for (int i = lo; i < hi; i++) x[i] = s * y[i]; }); break;
            default: Parallel.forRange(N, GRAIN, (ch, lo, hi) -> { for (int i = lo; i < hi; i++) x[i] = y[i] + s * z[i]; }); break;
        }
    }

    @Override
    public void tearDown() {
        a = b = c = null;
    }
}
