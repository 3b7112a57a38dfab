package io.normlab.nn.rnn;

import io.normlab.autograd.Function;
import io.normlab.tensor.MathLoops;
import io.normlab.tensor.Tensor;

/**
 * One fused LSTM step (PyTorch's {@code LSTMCell}, gate order i, f, g, o). Inputs x (N, D),
 * h (N, H), c (N, H), W_ih (4H, D), W_hh (4H, H) and optionally b_ih, b_hh (4H); output
 * (N, 2H) = [h' | c'] (split by the caller):
 * <pre>
 *   a  = x W_ih^T + b_ih + h W_hh^T + b_hh          (two GEMMs into one buffer)
 *   i = sigma(a_i)  f = sigma(a_f)  g = tanh(a_g)  o = sigma(a_o)
 *   c' = f*c + i*g      h' = o*tanh(c')
 * </pre>
 * Backward, with dc' the total gradient of c' (its own plus the part through h'):
 * <pre>
 *   dc' += dh' * o * (1 - tanh(c')^2)    do = dh' * tanh(c')
 *   da_i = dc'*g * i(1-i)   da_f = dc'*c * f(1-f)   da_g = dc'*i * (1-g^2)   da_o = do * o(1-o)
 *   dx = da W_ih   dh = da W_hh   dc = dc'*f   dW_ih = da^T x   dW_hh = da^T h   db_ih = db_hh = sum_n da
 * </pre>
 */
final class LstmCellFunction extends Function {
    private final int n;
    private final int d;
    private final int hid;
    private float[] x;
    private float[] h;
    private float[] c;
    private float[] wih;
    private float[] whh;
    private final LstmSequence seq;
    private final boolean first;
    private float[] act;
    private float[] tanhC;

    /** A step of a layer's run ({@code seq}: shared transposed weights and gradient sums; {@code first}: step 0), or alone (null). */
    LstmCellFunction(int n, int d, int hid, LstmSequence seq, boolean first) {
        this.n = n;
        this.d = d;
        this.hid = hid;
        this.seq = seq;
        this.first = first;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        x = in[0].data();
        h = in[1].data();
        c = in[2].data();
        wih = in[3].data();
        whh = in[4].data();
        int g4 = 4 * hid;
        act = new float[n * g4];
        GateMath.affine(x, wih, seq == null ? null : seq.ih.transposed, in.length > 5 ? in[5].data() : null,
                in.length > 6 ? in[6].data() : null, n, g4, d, act, false);
        GateMath.affine(h, whh, seq == null ? null : seq.hh.transposed, null, null, n, g4, hid, act, true);
        tanhC = new float[n * hid];
        float[] out = new float[n * 2 * hid];
        MathLoops m = MathLoops.current();
        for (int r = 0; r < n; r++) {
            int a = r * g4, o = r * 2 * hid;
            m.sigmoid(act, a, act, a, 2 * hid); // i, f
            m.tanh(act, a + 2 * hid, act, a + 2 * hid, hid); // g
            m.sigmoid(act, a + 3 * hid, act, a + 3 * hid, hid); // o
            GateMath.cellRow(act, a, c, r * hid, out, o + hid, hid);
            m.tanh(out, o + hid, tanhC, r * hid, hid);
            for (int j = 0; j < hid; j++) out[o + j] = act[a + 3 * hid + j] * tanhC[r * hid + j];
        }
        return Tensor.wrap(out, n, 2 * hid);
    }

    @Override
    protected Tensor[] backward(Tensor gradOut) {
        float[] go = gradOut.data();
        int g4 = 4 * hid;
        float[] da = new float[n * g4];
        float[] dc = new float[n * hid];
        for (int r = 0; r < n; r++) {
            int a = r * g4;
            for (int j = 0; j < hid; j++) {
                float o = act[a + 3 * hid + j], tc = tanhC[r * hid + j], dh = go[r * 2 * hid + j];
                dc[r * hid + j] = go[r * 2 * hid + hid + j] + dh * o * (1f - tc * tc); // dc', turned into dc below
                da[a + 3 * hid + j] = dh * tc * o * (1f - o);
            }
            GateMath.cellRowGrad(dc, act, a, c, r * hid, da, a, dc, r * hid, hid);
        }
        Tensor[] r = new Tensor[7];
        if (needsGrad(0)) {
            float[] dx = new float[n * d];
            GateMath.inputGrad(da, wih, n, g4, d, dx, false);
            r[0] = Tensor.wrap(dx, n, d);
        }
        if (needsGrad(1)) {
            float[] dh = new float[n * hid];
            GateMath.inputGrad(da, whh, n, g4, hid, dh, false);
            r[1] = Tensor.wrap(dh, n, hid);
        }
        if (needsGrad(2)) r[2] = Tensor.wrap(dc, n, hid);
        boolean bias = needsGrad(5) || needsGrad(6);
        if (seq != null) {
            if (needsGrad(3)) seq.ih.addGrad(da, x, n);
            if (needsGrad(4)) seq.hh.addGrad(da, h, n);
            if (bias) seq.addBias(da, n, g4);
            if (!first) return r; // the first step, whose backward runs last, returns the sums
            if (needsGrad(3)) r[3] = seq.ih.take();
            if (needsGrad(4)) r[4] = seq.hh.take();
            if (bias) {
                float[] b = seq.takeBias();
                if (needsGrad(5)) r[5] = Tensor.wrap(b, g4);
                if (needsGrad(6)) r[6] = Tensor.wrap(needsGrad(5) ? b.clone() : b, g4);
            }
            return r;
        }
        if (needsGrad(3)) r[3] = GateMath.weightGrad(da, x, n, g4, d);
        if (needsGrad(4)) r[4] = GateMath.weightGrad(da, h, n, g4, hid);
        if (bias) {
            Tensor b = GateMath.biasGrad(da, n, g4);
            if (needsGrad(5)) r[5] = b;
            if (needsGrad(6)) r[6] = needsGrad(5) ? b.copy() : b;
        }
        return r;
    }

    @Override
    public String name() {
        return "lstm_cell";
    }
}
