package io.normlab.autograd;

/**
 * Whether operations record a graph, per thread. {@link #noGrad()} opens a scope in which
 * results are plain values (evaluation, optimizer steps):
 *
 * <pre>{@code try (var scope = GradMode.noGrad()) { ... } }</pre>
 */
public final class GradMode implements AutoCloseable {
    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private boolean closed;

    private GradMode() {
        DISABLED_DEPTH.get()[0]++;
    }

    /** Disables graph recording on this thread until the returned scope is closed. */
    public static GradMode noGrad() {
        return new GradMode();
    }

    /** True when operations on this thread record a graph. */
    public static boolean isEnabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DISABLED_DEPTH.get()[0]--;
        }
    }
}
