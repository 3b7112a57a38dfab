package io.normlab.cli.bench;

/**
 * One benchmark workload of WORKLOADS.md (shared/anchors): {@link #setup} builds its inputs once,
 * {@link #run} performs one timed repetition (a GEMM, a normalization forward + backward, a
 * training step...). The rate reported is {@code work() / time} in the workload's {@link Unit}.
 */
public interface Workload {
    /** What {@link #work} counts. */
    enum Unit {
        GFLOPS("GFLOP/s", 1e9), GBPS("GB/s", 1e9), STEPS("steps/s", 1);

        final String label;
        final double scale;

        Unit(String label, double scale) {
            this.label = label;
            this.scale = scale;
        }
    }

    /** The WORKLOADS.md name, e.g. {@code gemm-1024}, {@code bn2d}, {@code cnn-small-bn}. */
    String name();

    Unit unit();

    /** Work per run: floating-point operations, bytes moved, or 1 (a training step). */
    double work();

    /** Builds inputs, model and optimizer (not timed). */
    void setup();

    /** One timed repetition. */
    void run();

    /** Drops the inputs so the next workload starts from a clean heap. */
    default void tearDown() {}
}
