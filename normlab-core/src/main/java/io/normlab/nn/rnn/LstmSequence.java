package io.normlab.nn.rnn;

import io.normlab.tensor.Tensor;

/**
 * What the fused cells of one {@link LSTM} run share: both weights as {@link SharedWeight}s (the
 * cells form a chain, so the first step's backward runs last) and the sum of the bias gradient.
 */
final class LstmSequence {
    final SharedWeight ih;
    final SharedWeight hh;
    private double[] dB;

    LstmSequence(Tensor wih, Tensor whh) {
        ih = new SharedWeight(wih);
        hh = new SharedWeight(whh);
    }

    /** Adds the column sums of one step's gate gradient da (n x 4H). */
    void addBias(float[] da, int n, int g4) {
        if (dB == null) dB = new double[g4];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < g4; j++) dB[j] += da[r * g4 + j];
        }
    }

    /** The total bias gradient (4H) (the same for bias_ih and bias_hh), and a fresh start. */
    float[] takeBias() {
        float[] b = new float[dB.length];
        for (int j = 0; j < b.length; j++) b[j] = (float) dB[j];
        dB = null;
        return b;
    }
}
