package io.normlab.nn.rnn;

import io.normlab.autograd.Function;
import io.normlab.autograd.Var;
import io.normlab.tensor.MathLoops;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * The pointwise part of the {@link LayerNormLSTM} cell as two fused ops on the pre-activations
 * {@code a} (N, 4H) in PyTorch's gate order i, f, g, o, instead of four slices, four activations
 * and the products (each slice's gradient would be a zero-filled (N, 4H) array):
 * <pre>
 *   cell:    c' = sigma(a_f) * c + sigma(a_i) * tanh(a_g)
 *            da_i = dc' g i (1 - i)   da_f = dc' c f (1 - f)   da_g = dc' i (1 - g^2)   dc = dc' f
 *   output:  h = sigma(a_o) * tanh(u)          (u = LN_cell(c'))
 *            da_o = dh tanh(u) o (1 - o)       du = dh o (1 - tanh(u)^2)
 * </pre>
 * Each returns a gradient for all of a, zero outside its gates; the engine adds the two.
 */
final class LnLstmGates {
    private LnLstmGates() {}

    /** {@code c'} (N, H) from a (N, 4H) and c (N, H). */
    static Var cell(Var a, Var c, int hid) {
        check("cell", a, c, hid);
        return new Cell(hid).apply(a, c);
    }

    /** {@code h} (N, H) from a (N, 4H) and u (N, H). */
    static Var output(Var a, Var u, int hid) {
        check("output gate", a, u, hid);
        return new Output(hid).apply(a, u);
    }

    private static void check(String op, Var a, Var s, int hid) {
        int[] sa = a.shape(), ss = s.shape();
        if (sa.length != 2 || ss.length != 2 || sa[1] != 4 * hid || ss[1] != hid || sa[0] != ss[0]) {
            throw ShapeException.of("LayerNormLSTM " + op, "needs (N, " + 4 * hid + ") and (N, " + hid + ")", sa, ss);
        }
    }

    private static final class Cell extends Function {
        private final int hid;
        private float[] gates; // i, f, g per row (N, 3H)
        private float[] c;

        Cell(int hid) {
            this.hid = hid;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            float[] a = in[0].data();
            c = in[1].data();
            int n = in[1].size(0), h3 = 3 * hid;
            gates = new float[n * h3];
            float[] out = new float[n * hid];
            MathLoops m = MathLoops.current();
            for (int r = 0; r < n; r++) {
                int at = r * 4 * hid, g = r * h3, o = r * hid;
                m.sigmoid(a, at, gates, g, 2 * hid);
                m.tanh(a, at + 2 * hid, gates, g + 2 * hid, hid);
                GateMath.cellRow(gates, g, c, o, out, o, hid);
            }
            return Tensor.wrap(out, n, hid);
        }

        @Override
        protected Tensor[] backward(Tensor gradOut) {
            float[] dcn = gradOut.data();
            int n = dcn.length / hid, h3 = 3 * hid;
            float[] da = new float[n * 4 * hid], dc = new float[n * hid];
            for (int r = 0; r < n; r++) GateMath.cellRowGrad(dcn, gates, r * h3, c, r * hid, da, r * 4 * hid, dc, r * hid, hid);
            return new Tensor[] {needsGrad(0) ? Tensor.wrap(da, n, 4 * hid) : null, needsGrad(1) ? Tensor.wrap(dc, n, hid) : null};
        }

        @Override
        public String name() {
            return "ln_lstm_cell";
        }
    }

    private static final class Output extends Function {
        private final int hid;
        private float[] o;
        private float[] t;

        Output(int hid) {
            this.hid = hid;
        }

        @Override
        protected Tensor forward(Tensor... in) {
            float[] a = in[0].data(), u = in[1].data();
            int n = in[1].size(0);
            o = new float[n * hid];
            t = new float[n * hid];
            float[] h = new float[n * hid];
            MathLoops m = MathLoops.current();
            for (int r = 0; r < n; r++) m.sigmoid(a, r * 4 * hid + 3 * hid, o, r * hid, hid);
            m.tanh(u, 0, t, 0, n * hid);
            for (int k = 0; k < h.length; k++) h[k] = o[k] * t[k];
            return Tensor.wrap(h, n, hid);
        }

        @Override
        protected Tensor[] backward(Tensor gradOut) {
            float[] dh = gradOut.data();
            int n = dh.length / hid;
            float[] da = new float[n * 4 * hid], du = new float[n * hid];
            for (int r = 0; r < n; r++) {
                int at = r * 4 * hid + 3 * hid, row = r * hid;
                for (int j = 0; j < hid; j++) {
                    int k = row + j;
                    da[at + j] = dh[k] * t[k] * o[k] * (1f - o[k]);
                    du[k] = dh[k] * o[k] * (1f - t[k] * t[k]);
                }
            }
            return new Tensor[] {needsGrad(0) ? Tensor.wrap(da, n, 4 * hid) : null, needsGrad(1) ? Tensor.wrap(du, n, hid) : null};
        }

        @Override
        public String name() {
            return "ln_lstm_output";
        }
    }
}
