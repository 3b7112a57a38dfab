package io.normlab.nn.rnn;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Tensor;

/**
 * A weight W (out x in) used by every step of one recurrent run: its value transposed once, so that
 * each step's product {@code x W^T} reads it in place (a GEMM with a transposed operand would copy
 * it every step), and its gradient summed across the steps. The steps' backward passes run in
 * reverse order and the first step's last, because every later use depends on it through the
 * recurrent state; so each later step adds {@code dY^T X} here (the GEMM accumulates straight into
 * the sum) and returns no gradient, and the first step adds its own and takes the total
 * ({@link #take}), which starts the sum afresh for a further backward pass. Used only for weights
 * applied to the recurrent state or by a fused cell, where that order holds. A backward pass
 * abandoned halfway (an exception) leaves a partial sum that a later backward through the same
 * graph would include.
 */
final class SharedWeight {
    final float[] transposed;
    private final int out;
    private final int in;
    private float[] grad;

    SharedWeight(Tensor w) {
        out = w.size(0);
        in = w.size(1);
        transposed = GateMath.transposed(w);
    }

    /** {@code grad += dy^T x} for dy (m x out) and x (m x in). */
    void addGrad(float[] dy, float[] x, int m) {
        boolean fresh = grad == null;
        if (fresh) grad = new float[out * in];
        Gemm.current().gemm(true, false, out, in, m, dy, 0, x, 0, grad, 0, !fresh);
    }

    /** The summed gradient (out x in), and a fresh start. */
    Tensor take() {
        Tensor t = Tensor.wrap(grad, out, in);
        grad = null;
        return t;
    }
}
