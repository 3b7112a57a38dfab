package io.normlab.nn.rnn;

import io.normlab.autograd.Function;
import io.normlab.tensor.Tensor;

/**
 * {@code a_t = pre[:, t, :] + z + b} for step t of a recurrent run: pre (N, T, G) holds the input
 * projections of all steps (computed as one product), z (N, G) and b (G). Taking step t's rows in
 * place avoids slicing pre into T tensors (whose gradients would each be pre-sized). The steps'
 * gradients for pre are disjoint blocks of one shared buffer, and b's gradient is summed there
 * too; the first step, whose backward runs last (every later step depends on it through the
 * state), returns both, leaving a fresh buffer for a further backward pass.
 */
final class StepInput extends Function {
    /** The gradient buffers shared by the steps of one run. */
    static final class Shared {
        private float[] dPre;
        private double[] dB;
    }

    private final Shared shared;
    private final int t;
    private int n;
    private int steps;
    private int g;

    StepInput(Shared shared, int t) {
        this.shared = shared;
        this.t = t;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        float[] pre = in[0].data(), z = in[1].data(), b = in[2].data();
        n = in[0].size(0);
        steps = in[0].size(1);
        g = in[0].size(2);
        float[] a = new float[n * g];
        for (int r = 0; r < n; r++) {
            int src = (r * steps + t) * g, dst = r * g;
            for (int j = 0; j < g; j++) a[dst + j] = pre[src + j] + z[dst + j] + b[j];
        }
        return Tensor.wrap(a, n, g);
    }

    @Override
    protected Tensor[] backward(Tensor gradOut) {
        float[] da = gradOut.data();
        Tensor[] r = new Tensor[3];
        if (needsGrad(0)) {
            if (shared.dPre == null) shared.dPre = new float[n * steps * g];
            for (int row = 0; row < n; row++) System.arraycopy(da, row * g, shared.dPre, (row * steps + t) * g, g);
        }
        if (needsGrad(1)) r[1] = gradOut;
        if (needsGrad(2)) {
            if (shared.dB == null) shared.dB = new double[g];
            for (int row = 0; row < n; row++) {
                for (int j = 0; j < g; j++) shared.dB[j] += da[row * g + j];
            }
        }
        if (t == 0) {
            if (needsGrad(0)) r[0] = Tensor.wrap(shared.dPre, n, steps, g);
            if (needsGrad(2)) {
                float[] db = new float[g];
                for (int j = 0; j < g; j++) db[j] = (float) shared.dB[j];
                r[2] = Tensor.wrap(db, g);
            }
            shared.dPre = null;
            shared.dB = null;
        }
        return r;
    }

    @Override
    public String name() {
        return "step_input";
    }
}
