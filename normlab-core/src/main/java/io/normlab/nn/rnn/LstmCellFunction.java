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
    private final float[] wihT;
    private final float[] whhT;
    private float[] act;
    private float[] tanhC;

    /** {@code wihT}, {@code whhT}: the weights' current values transposed, or null (see {@link GateMath#affine}). */
    LstmCellFunction(int n, int d, int hid, float[] wihT, float[] whhT) {
        this.n = n;
        this.d = d;
        this.hid = hid;
        this.wihT = wihT;
        this.whhT = whhT;
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
        GateMath.affine(x, wih, wihT, in.length > 5 ? in[5].data() : null, in.length > 6 ? in[6].data() : null, n, g4, d, act, false);
        GateMath.affine(h, whh, whhT, null, null, n, g4, hid, act, true);
        tanhC = new float[n * hid];
        float[] out = new float[n * 2 * hid];
        MathLoops m = MathLoops.current();
        for (int r = 0; r < n; r++) {
            int a = r * g4, o = r * 2 * hid;
            m.sigmoid(act, a, act, a, 2 * hid); // i, f
            m.tanh(act, a + 2 * hid, act, a + 2 * hid, hid); // g
            m.sigmoid(act, a + 3 * hid, act, a + 3 * hid, hid); // o
            for (int j = 0; j < hid; j++) out[o + hid + j] = act[a + hid + j] * c[r * hid + j] + act[a + j] * act[a + 2 * hid + j];
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
                float i = act[a + j], f = act[a + hid + j], g = act[a + 2 * hid + j], o = act[a + 3 * hid + j];
                float tc = tanhC[r * hid + j];
                float dh = go[r * 2 * hid + j];
                float dcn = go[r * 2 * hid + hid + j] + dh * o * (1f - tc * tc);
                da[a + j] = dcn * g * i * (1f - i);
                da[a + hid + j] = dcn * c[r * hid + j] * f * (1f - f);
                da[a + 2 * hid + j] = dcn * i * (1f - g * g);
                da[a + 3 * hid + j] = dh * tc * o * (1f - o);
                dc[r * hid + j] = dcn * f;
            }
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
        if (needsGrad(3)) r[3] = GateMath.weightGrad(da, x, n, g4, d);
        if (needsGrad(4)) r[4] = GateMath.weightGrad(da, h, n, g4, hid);
        if (needsGrad(5)) r[5] = GateMath.biasGrad(da, n, g4);
        if (needsGrad(6)) r[6] = GateMath.biasGrad(da, n, g4);
        return r;
    }

    @Override
    public String name() {
        return "lstm_cell";
    }
}
