package io.normlab.nn.rnn;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Layout;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A weight W (out x in) used by every step of one recurrent run: its value transposed once, so that
 * each step's product {@code x W^T} reads it in place (a GEMM with a transposed operand would copy
 * it every step), and its gradient summed across the steps,
 * {@code dW = sum_t dY_t^T X_t = [dY_T; ...; dY_1]^T [X_T; ...; X_1]}: the steps hand in their
 * (dY_t, X_t) and the sum is one product over all their rows stacked (k = steps x batch), far
 * faster than a thin product per step. The steps' backward passes run in reverse order and the
 * first step's last, because every later use depends on it through the recurrent state; so each
 * later step adds its pair here and returns no gradient, and the first step adds its own and takes
 * the total ({@link #take}), which starts afresh for a further backward pass. The pairs are kept
 * by reference: the arrays are gradients and saved inputs that nothing writes after the step's
 * backward. Used only for weights applied to the recurrent state or by a fused cell, where that
 * order holds. A backward pass abandoned halfway (an exception) leaves pairs that a later backward
 * through the same graph would include.
 */
final class SharedWeight {
    final float[] transposed;
    private final int out;
    private final int in;
    private final List<float[]> dys = new ArrayList<>();
    private final List<float[]> xs = new ArrayList<>();
    private final List<Integer> ms = new ArrayList<>();
    private int rows;

    SharedWeight(Tensor w) {
        out = w.size(0);
        in = w.size(1);
        transposed = new float[out * in];
        Layout.transposeMatrix(w.data(), 0, out, in, transposed, 0);
    }

    /** Adds the pair of one step: dy (m x out) and x (m x in), both starting at offset 0. */
    void addGrad(float[] dy, float[] x, int m) {
        if (dy.length < m * out || x.length < m * in) {
            throw new IllegalArgumentException("SharedWeight.addGrad: " + m + " rows need " + m * out + " and " + m * in
                    + " values, got " + dy.length + " and " + x.length);
        }
        dys.add(dy);
        xs.add(x);
        ms.add(m);
        rows += m;
    }

    /** The summed gradient (out x in) of the pairs added so far, in the order added, and a fresh start. */
    Tensor take() {
        float[] grad = new float[out * in];
        if (rows > 0) {
            float[] dy = stack(dys, out), x = stack(xs, in);
            if (in < out) {
                // dW^T = X^T dY, then transposed: the GEMM transposes the narrower X into its pack
                // buffer and reads the wide dY by rows (for the LSTM's input weight, 1600 x 32 values
                // instead of 1600 x 512: twice as fast; the same speed for the recurrent weight).
                float[] gradT = new float[in * out];
                Gemm.current().gemm(true, false, in, out, rows, x, 0, dy, 0, gradT, 0, false);
                Layout.transposeMatrix(gradT, 0, in, out, grad, 0);
            } else {
                Gemm.current().gemm(true, false, out, in, rows, dy, 0, x, 0, grad, 0, false);
            }
        }
        dys.clear();
        xs.clear();
        ms.clear();
        rows = 0;
        return Tensor.wrap(grad, out, in);
    }

    /** The parts' first {@code m_i x width} values one after another (the part itself when it is all there is). */
    private float[] stack(List<float[]> parts, int width) {
        if (parts.size() == 1 && parts.get(0).length == rows * width) return parts.get(0);
        float[] all = new float[rows * width];
        for (int i = 0, at = 0; i < parts.size(); i++) {
            int len = ms.get(i) * width;
            System.arraycopy(parts.get(i), 0, all, at, len);
            at += len;
        }
        return all;
    }
}
