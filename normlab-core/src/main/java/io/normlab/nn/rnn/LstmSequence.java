package io.normlab.nn.rnn;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Tensor;

/**
 * What the steps of one {@link LSTM} run share. The weights' values transposed once, so that each
 * step's gate GEMMs read them in place. And accumulators for the parameter gradients: the engine
 * runs the steps' backward in reverse order and the first step last (every later step depends on
 * it through the state), so each later step adds its weight and bias gradients here (the GEMM
 * accumulates straight into them) and returns none, and the first step adds its own and returns
 * the totals, which start afresh for a further backward pass. This saves a gradient tensor per
 * parameter and step (its zeroing, and the engine's summation). A backward pass abandoned halfway
 * (an exception) leaves partial sums that a later backward through the same graph would include.
 */
final class LstmSequence {
    final float[] wihT;
    final float[] whhT;
    private float[] dWih;
    private float[] dWhh;
    private double[] dB;

    LstmSequence(Tensor wih, Tensor whh) {
        wihT = GateMath.transposed(wih);
        whhT = GateMath.transposed(whh);
    }

    /** Adds one step's {@code da^T x}, {@code da^T h} and column sums of da (each only when wanted). */
    void add(float[] da, float[] x, float[] h, int n, int d, int hid, boolean ih, boolean hh, boolean bias) {
        int g4 = 4 * hid;
        if (ih) {
            boolean fresh = dWih == null;
            if (fresh) dWih = new float[g4 * d];
            Gemm.current().gemm(true, false, g4, d, n, da, 0, x, 0, dWih, 0, !fresh);
        }
        if (hh) {
            boolean fresh = dWhh == null;
            if (fresh) dWhh = new float[g4 * hid];
            Gemm.current().gemm(true, false, g4, hid, n, da, 0, h, 0, dWhh, 0, !fresh);
        }
        if (bias) {
            if (dB == null) dB = new double[g4];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < g4; j++) dB[j] += da[r * g4 + j];
            }
        }
    }

    /** The total weight_ih gradient (4H, D), and a fresh start. */
    Tensor takeWih(int d) {
        Tensor t = Tensor.wrap(dWih, dWih.length / d, d);
        dWih = null;
        return t;
    }

    /** The total weight_hh gradient (4H, H), and a fresh start. */
    Tensor takeWhh(int hid) {
        Tensor t = Tensor.wrap(dWhh, dWhh.length / hid, hid);
        dWhh = null;
        return t;
    }

    /** The total bias gradient (4H) (the same for bias_ih and bias_hh), and a fresh start. */
    float[] takeBias() {
        float[] b = new float[dB.length];
        for (int j = 0; j < b.length; j++) b[j] = (float) dB[j];
        dB = null;
        return b;
    }
}
