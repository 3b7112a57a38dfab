package io.normlab.nn.rnn;

import io.normlab.autograd.Function;
import io.normlab.tensor.Tensor;

/**
 * One fused GRU step (PyTorch's {@code GRUCell}, gate order r, z, n). Inputs x (N, D), h (N, H),
 * W_ih (3H, D), W_hh (3H, H) and optionally b_ih, b_hh (3H); output h' (N, H):
 * <pre>
 *   gi = x W_ih^T + b_ih     gh = h W_hh^T + b_hh
 *   r = sigma(gi_r + gh_r)   z = sigma(gi_z + gh_z)   n = tanh(gi_n + r * gh_n)
 *   h' = (1 - z) * n + z * h
 * </pre>
 * Backward: dn = dh'(1-z), dz = dh'(h - n), da_n = dn(1-n^2), dr = da_n * gh_n;
 * dgi = [dr r(1-r), dz z(1-z), da_n], dgh = [same r and z parts, da_n * r];
 * dx = dgi W_ih, dh = dh' z + dgh W_hh, dW_ih = dgi^T x, dW_hh = dgh^T h, db = column sums.
 */
final class GruCellFunction extends Function {
    private final int n;
    private final int d;
    private final int hid;
    private float[] x;
    private float[] h;
    private float[] wih;
    private float[] whh;
    private float[] gi;
    private float[] gh;

    GruCellFunction(int n, int d, int hid) {
        this.n = n;
        this.d = d;
        this.hid = hid;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        x = in[0].data();
        h = in[1].data();
        wih = in[2].data();
        whh = in[3].data();
        int g3 = 3 * hid;
        gi = new float[n * g3];
        gh = new float[n * g3];
        GateMath.affine(x, wih, null, in.length > 4 ? in[4].data() : null, null, n, g3, d, gi, false);
        GateMath.affine(h, whh, null, in.length > 5 ? in[5].data() : null, null, n, g3, hid, gh, false);
        float[] out = new float[n * hid];
        for (int r = 0; r < n; r++) {
            int a = r * g3;
            for (int j = 0; j < hid; j++) {
                float rg = GateMath.sigmoid(gi[a + j] + gh[a + j]);
                float z = GateMath.sigmoid(gi[a + hid + j] + gh[a + hid + j]);
                float nn = GateMath.tanh(gi[a + 2 * hid + j] + rg * gh[a + 2 * hid + j]);
                gi[a + j] = rg; // keep the activations in gi; gh keeps gh_n
                gi[a + hid + j] = z;
                gi[a + 2 * hid + j] = nn;
                out[r * hid + j] = (1f - z) * nn + z * h[r * hid + j];
            }
        }
        return Tensor.wrap(out, n, hid);
    }

    @Override
    protected Tensor[] backward(Tensor gradOut) {
        float[] go = gradOut.data();
        int g3 = 3 * hid;
        float[] dgi = new float[n * g3], dgh = new float[n * g3], dh = new float[n * hid];
        for (int r = 0; r < n; r++) {
            int a = r * g3;
            for (int j = 0; j < hid; j++) {
                float rg = gi[a + j], z = gi[a + hid + j], nn = gi[a + 2 * hid + j];
                float g = go[r * hid + j];
                float dan = g * (1f - z) * (1f - nn * nn);
                float dar = dan * gh[a + 2 * hid + j] * rg * (1f - rg);
                float daz = g * (h[r * hid + j] - nn) * z * (1f - z);
                dgi[a + j] = dar;
                dgi[a + hid + j] = daz;
                dgi[a + 2 * hid + j] = dan;
                dgh[a + j] = dar;
                dgh[a + hid + j] = daz;
                dgh[a + 2 * hid + j] = dan * rg;
                dh[r * hid + j] = g * z;
            }
        }
        Tensor[] r = new Tensor[6];
        if (needsGrad(0)) {
            float[] dx = new float[n * d];
            GateMath.inputGrad(dgi, wih, n, g3, d, dx, false);
            r[0] = Tensor.wrap(dx, n, d);
        }
        if (needsGrad(1)) {
            GateMath.inputGrad(dgh, whh, n, g3, hid, dh, true);
            r[1] = Tensor.wrap(dh, n, hid);
        }
        if (needsGrad(2)) r[2] = GateMath.weightGrad(dgi, x, n, g3, d);
        if (needsGrad(3)) r[3] = GateMath.weightGrad(dgh, h, n, g3, hid);
        if (needsGrad(4)) r[4] = GateMath.biasGrad(dgi, n, g3);
        if (needsGrad(5)) r[5] = GateMath.biasGrad(dgh, n, g3);
        return r;
    }

    @Override
    public String name() {
        return "gru_cell";
    }
}
