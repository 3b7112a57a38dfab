package io.normlab.nn.rnn;

import io.normlab.autograd.MatrixOps;
import io.normlab.autograd.Shaping;
import io.normlab.autograd.Var;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;

/**
 * Single recurrent steps as differentiable functions, PyTorch's cell definitions and gate orders.
 * Shapes: x (N, D), h and c (N, H), W_ih (G*H, D), W_hh (G*H, H), b_ih and b_hh (G*H) or both
 * null, with G = 1 (RNN), 3 (GRU: r, z, n) or 4 (LSTM: i, f, g, o).
 * <pre>
 *   RNN   h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)
 *   LSTM  see {@link LstmCellFunction}: c' = f*c + i*g, h' = o*tanh(c')
 *   GRU   see {@link GruCellFunction}:  h' = (1-z)*n + z*h, n = tanh(W_in x + b_in + r*(W_hn h + b_hn))
 * </pre>
 * LSTM and GRU steps are single fused ops with hand-written backward.
 */
public final class RnnOps {
    private RnnOps() {}

    /** Elman RNN step with tanh. */
    public static Var rnnTanhCell(Var x, Var h, Var wih, Var whh, Var bih, Var bhh) {
        check("rnn_cell", 1, x, h, null, wih, whh, bih, bhh);
        return MatrixOps.linear(x, wih, bih).add(MatrixOps.linear(h, whh, bhh)).tanh();
    }

    /** LSTM step: returns the new (h, c). */
    public static LstmState lstmCell(Var x, Var h, Var c, Var wih, Var whh, Var bih, Var bhh) {
        return lstmCell(x, h, c, wih, whh, bih, bhh, null, null);
    }

    /**
     * LSTM step with the weights' values already transposed (or null), so that a layer running T
     * steps transposes them once per sequence rather than the GEMM once per step.
     */
    static LstmState lstmCell(Var x, Var h, Var c, Var wih, Var whh, Var bih, Var bhh, float[] wihT, float[] whhT) {
        check("lstm_cell", 4, x, h, c, wih, whh, bih, bhh);
        int n = x.shape()[0], hid = h.shape()[1];
        LstmCellFunction f = new LstmCellFunction(n, x.shape()[1], hid, wihT, whhT);
        Var hc = bih == null ? f.apply(x, h, c, wih, whh) : f.apply(x, h, c, wih, whh, bih, bhh);
        return new LstmState(Shaping.slice(hc, 1, 0, hid), Shaping.slice(hc, 1, hid, 2 * hid));
    }

    /** GRU step: returns h'. */
    public static Var gruCell(Var x, Var h, Var wih, Var whh, Var bih, Var bhh) {
        check("gru_cell", 3, x, h, null, wih, whh, bih, bhh);
        GruCellFunction f = new GruCellFunction(x.shape()[0], x.shape()[1], h.shape()[1]);
        return bih == null ? f.apply(x, h, wih, whh) : f.apply(x, h, wih, whh, bih, bhh);
    }

    private static void check(String op, int gates, Var x, Var h, Var c, Var wih, Var whh, Var bih, Var bhh) {
        int[] xs = x.shape(), hs = h.shape(), wi = wih.shape(), wh = whh.shape();
        if (xs.length != 2 || hs.length != 2 || xs[0] != hs[0]) {
            throw ShapeException.of(op, "expected x (N, D) and h (N, H) with the same N (x, h)", xs, hs);
        }
        int hid = hs[1];
        if (wi.length != 2 || wi[0] != gates * hid || wi[1] != xs[1]) {
            throw ShapeException.of(op, "weight_ih must be (" + gates + "*H, D) = (" + gates * hid + ", " + xs[1] + ") (weight_ih, x)", wi, xs);
        }
        if (wh.length != 2 || wh[0] != gates * hid || wh[1] != hid) {
            throw ShapeException.of(op, "weight_hh must be (" + gates + "*H, H) = (" + gates * hid + ", " + hid + ") (weight_hh, h)", wh, hs);
        }
        if (c != null && !c.value().hasShape(hs)) throw ShapeException.of(op, "c must have h's shape (c, h)", c.shape(), hs);
        if ((bih == null) != (bhh == null)) throw new IllegalArgumentException(op + ": give both biases or neither");
        if (bih != null && (!bih.value().hasShape(gates * hid) || !bhh.value().hasShape(gates * hid))) {
            throw ShapeException.of(op, "biases must be (" + gates * hid + ") (bias_ih, bias_hh)", bih.shape(), bhh.shape());
        }
        if (xs[0] < 1) throw new ShapeException(op + ": empty batch " + Shape.str(xs));
    }
}
