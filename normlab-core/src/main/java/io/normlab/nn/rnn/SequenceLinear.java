package io.normlab.nn.rnn;

import io.normlab.autograd.Function;
import io.normlab.tensor.Gemm;
import io.normlab.tensor.Tensor;

/**
 * {@code y = x W^T} for one step of a recurrent run, with W a {@link SharedWeight}: the product
 * reads the transposed copy made once per run, and the weight gradient {@code dy^T x} is summed
 * across the steps, the first step (whose backward runs last) returning the total. Inputs x (m, in)
 * and W (out, in); output (m, out); {@code dx = dy W}.
 */
final class SequenceLinear extends Function {
    private final SharedWeight shared;
    private final boolean first;
    private float[] x;
    private float[] w;
    private int m;
    private int in;
    private int out;

    SequenceLinear(SharedWeight shared, boolean first) {
        this.shared = shared;
        this.first = first;
    }

    @Override
    protected Tensor forward(Tensor... inputs) {
        x = inputs[0].data();
        w = inputs[1].data();
        m = inputs[0].size(0);
        out = inputs[1].size(0);
        in = inputs[1].size(1);
        float[] y = new float[m * out];
        Gemm.current().gemm(false, false, m, out, in, x, 0, shared.transposed, 0, y, 0, false);
        return Tensor.wrap(y, m, out);
    }

    @Override
    protected Tensor[] backward(Tensor gradOut) {
        float[] dy = gradOut.data();
        Tensor[] r = new Tensor[2];
        if (needsGrad(0)) {
            float[] dx = new float[m * in];
            Gemm.current().gemm(false, false, m, in, out, dy, 0, w, 0, dx, 0, false);
            r[0] = Tensor.wrap(dx, m, in);
        }
        if (needsGrad(1)) {
            shared.addGrad(dy, x, m);
            if (first) r[1] = shared.take();
        }
        return r;
    }

    @Override
    public String name() {
        return "sequence_linear";
    }
}
