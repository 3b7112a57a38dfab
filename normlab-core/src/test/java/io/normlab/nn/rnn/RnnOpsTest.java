package io.normlab.nn.rnn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.MatrixOps;
import io.normlab.autograd.Shaping;
import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class RnnOpsTest {
    private static final int N = 3, D = 5, H = 4;

    private static Var p(Rng rng, int... shape) {
        return Var.param(Tensor.uniform(rng, -0.6f, 0.6f, shape));
    }

    private static Var gate(Var a, int k) {
        return Shaping.slice(a, 1, k * H, (k + 1) * H);
    }

    /** LSTM step from primitive ops, PyTorch's documented formulas. */
    private static Var[] composedLstm(Var x, Var h, Var c, Var wih, Var whh, Var bih, Var bhh) {
        Var a = MatrixOps.linear(x, wih, bih).add(MatrixOps.linear(h, whh, bhh));
        Var i = gate(a, 0).sigmoid(), f = gate(a, 1).sigmoid(), g = gate(a, 2).tanh(), o = gate(a, 3).sigmoid();
        Var c2 = f.mul(c).add(i.mul(g));
        return new Var[] {o.mul(c2.tanh()), c2};
    }

    /** GRU step from primitive ops, PyTorch's documented formulas. */
    private static Var composedGru(Var x, Var h, Var wih, Var whh, Var bih, Var bhh) {
        Var gi = MatrixOps.linear(x, wih, bih), gh = MatrixOps.linear(h, whh, bhh);
        Var r = gate(gi, 0).add(gate(gh, 0)).sigmoid();
        Var z = gate(gi, 1).add(gate(gh, 1)).sigmoid();
        Var n = gate(gi, 2).add(r.mul(gate(gh, 2))).tanh();
        return Var.of(Tensor.scalar(1f)).sub(z).mul(n).add(z.mul(h));
    }

    @Test
    void fusedLstmEqualsComposedFormulasInValueAndGradient() {
        Rng rng = new Rng(51);
        Var[] v = {p(rng, N, D), p(rng, N, H), p(rng, N, H), p(rng, 4 * H, D), p(rng, 4 * H, H), p(rng, 4 * H), p(rng, 4 * H)};
        Tensor uh = Tensor.randn(rng, N, H), uc = Tensor.randn(rng, N, H);
        LstmState fused = RnnOps.lstmCell(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        Var[] ref = composedLstm(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        assertTrue(ref[0].value().allClose(fused.h().value(), 1e-6f, 1e-7f));
        assertTrue(ref[1].value().allClose(fused.c().value(), 1e-6f, 1e-7f));
        Tensor[] gFused = grads(v, fused.h().mul(Var.of(uh)).sum().add(fused.c().mul(Var.of(uc)).sum()));
        Tensor[] gRef = grads(v, ref[0].mul(Var.of(uh)).sum().add(ref[1].mul(Var.of(uc)).sum()));
        for (int i = 0; i < v.length; i++) assertTrue(gRef[i].allClose(gFused[i], 1e-5f, 1e-6f), "input " + i);
    }

    @Test
    void fusedGruEqualsComposedFormulasInValueAndGradient() {
        Rng rng = new Rng(52);
        Var[] v = {p(rng, N, D), p(rng, N, H), p(rng, 3 * H, D), p(rng, 3 * H, H), p(rng, 3 * H), p(rng, 3 * H)};
        Tensor u = Tensor.randn(rng, N, H);
        Var fused = RnnOps.gruCell(v[0], v[1], v[2], v[3], v[4], v[5]);
        Var ref = composedGru(v[0], v[1], v[2], v[3], v[4], v[5]);
        assertTrue(ref.value().allClose(fused.value(), 1e-6f, 1e-7f));
        Tensor[] gFused = grads(v, fused.mul(Var.of(u)).sum()), gRef = grads(v, ref.mul(Var.of(u)).sum());
        for (int i = 0; i < v.length; i++) assertTrue(gRef[i].allClose(gFused[i], 1e-5f, 1e-6f), "input " + i);
    }

    private static Tensor[] grads(Var[] v, Var loss) {
        for (Var x : v) x.zeroGrad();
        loss.backward();
        Tensor[] g = new Tensor[v.length];
        for (int i = 0; i < v.length; i++) g[i] = v[i].grad().copy();
        return g;
    }

    @Test
    void lstmCellPassesGradCheckWithAndWithoutBias() {
        Rng rng = new Rng(53);
        Var[] v = {p(rng, N, D), p(rng, N, H), p(rng, N, H), p(rng, 4 * H, D), p(rng, 4 * H, H), p(rng, 4 * H), p(rng, 4 * H)};
        GradCheck.defaults().check(a -> both(RnnOps.lstmCell(a[0], a[1], a[2], a[3], a[4], a[5], a[6])), v);
        GradCheck.defaults().check(a -> both(RnnOps.lstmCell(a[0], a[1], a[2], a[3], a[4], null, null)), v[0], v[1], v[2], v[3], v[4]);
    }

    /** h and c side by side, (N, 2H), so one check covers both outputs. */
    static Var both(LstmState s) {
        return Shaping.concat(1, s.h(), s.c());
    }

    @Test
    void gruCellPassesGradCheckWithAndWithoutBias() {
        Rng rng = new Rng(54);
        Var[] v = {p(rng, N, D), p(rng, N, H), p(rng, 3 * H, D), p(rng, 3 * H, H), p(rng, 3 * H), p(rng, 3 * H)};
        GradCheck.defaults().check(a -> RnnOps.gruCell(a[0], a[1], a[2], a[3], a[4], a[5]), v);
        GradCheck.defaults().check(a -> RnnOps.gruCell(a[0], a[1], a[2], a[3], null, null), v[0], v[1], v[2], v[3]);
    }

    @Test
    void rnnCellPassesGradCheck() {
        Rng rng = new Rng(55);
        Var[] v = {p(rng, N, D), p(rng, N, H), p(rng, H, D), p(rng, H, H), p(rng, H), p(rng, H)};
        GradCheck.defaults().check(a -> RnnOps.rnnTanhCell(a[0], a[1], a[2], a[3], a[4], a[5]), v);
    }

    @Test
    void cellModulesHavePyTorchNamesAndInitBounds() {
        LSTMCell l = new LSTMCell(5, 16, new Rng(56));
        assertEquals(java.util.List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"), java.util.List.copyOf(l.stateDict().keySet()));
        assertArrayEquals(new int[] {64, 5}, l.stateDict().get("weight_ih").shape());
        assertArrayEquals(new int[] {48, 16}, new GRUCell(5, 16, new Rng(1)).stateDict().get("weight_hh").shape());
        assertArrayEquals(new int[] {16}, new RNNCell(5, 16, new Rng(1)).stateDict().get("bias_hh").shape());
        assertEquals(2, new GRUCell(5, 16, false, new Rng(1)).stateDict().size());
        double max = 0;
        for (Tensor t : l.stateDict().values()) for (float x : t.data()) max = Math.max(max, Math.abs(x));
        assertTrue(max <= 0.25 && max > 0.24, "U(+-1/sqrt(16)) = U(+-0.25), max " + max);
    }

    @Test
    void cellsStartFromZeroStateAndCheckShapes() {
        Rng rng = new Rng(57);
        LSTMCell cell = new LSTMCell(D, H, rng);
        Var x = Var.of(Tensor.randn(rng, N, D));
        Var zeros = Var.of(Tensor.zeros(N, H));
        assertArrayEquals(cell.step(x, new LstmState(zeros, zeros)).h().value().data(), cell.forward(x).value().data());
        var e = assertThrows(ShapeException.class, () -> cell.step(Var.of(Tensor.zeros(N, D + 1)), null));
        assertTrue(e.getMessage().contains("weight_ih must be (4*H, D)"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> cell.step(x, new LstmState(Var.of(Tensor.zeros(N + 1, H)), zeros)));
        assertTrue(e.getMessage().contains("initial h"), e.getMessage());
    }
}
