package io.normlab.nn.rnn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Shaping;
import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LnLstmGatesTest {
    private static final int HID = 5;

    @Test
    void fusedGatesEqualTheComposedOpsInValueAndGradient() {
        Rng rng = new Rng(17);
        Tensor a = Tensor.randn(rng, 3, 4 * HID), c = Tensor.randn(rng, 3, HID), u = Tensor.randn(rng, 3, HID);
        Tensor up = Tensor.randn(rng, 3, 2 * HID);
        Var[] fused = {Var.param(a), Var.param(c), Var.param(u)}, composed = {Var.param(a.copy()), Var.param(c.copy()), Var.param(u.copy())};
        Var yf = Shaping.concat(1, LnLstmGates.cell(fused[0], fused[1], HID), LnLstmGates.output(fused[0], fused[2], HID));
        Var ac = composed[0];
        Var i = Shaping.slice(ac, 1, 0, HID).sigmoid(), f = Shaping.slice(ac, 1, HID, 2 * HID).sigmoid();
        Var g = Shaping.slice(ac, 1, 2 * HID, 3 * HID).tanh(), o = Shaping.slice(ac, 1, 3 * HID, 4 * HID).sigmoid();
        Var yc = Shaping.concat(1, f.mul(composed[1]).add(i.mul(g)), o.mul(composed[2].tanh()));
        assertArrayEquals(yc.value().data(), yf.value().data(), 1e-6f);
        yf.backward(up);
        yc.backward(up);
        for (int k = 0; k < 3; k++) assertArrayEquals(composed[k].grad().data(), fused[k].grad().data(), 1e-6f, "input " + k);
    }

    @Test
    void passGradCheck() {
        Rng rng = new Rng(18);
        Var a = Var.param(Tensor.randn(rng, 2, 4 * HID)), c = Var.param(Tensor.randn(rng, 2, HID)), u = Var.param(Tensor.randn(rng, 2, HID));
        GradCheck.defaults().check(v -> LnLstmGates.cell(v[0], v[1], HID), a, c);
        GradCheck.defaults().check(v -> LnLstmGates.output(v[0], v[1], HID), a, u);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        Var a = Var.of(Tensor.zeros(2, 4 * HID)), wrong = Var.of(Tensor.zeros(2, HID + 1));
        ShapeException e = assertThrows(ShapeException.class, () -> LnLstmGates.cell(a, wrong, HID));
        assertTrue(e.getMessage().contains("[2, 20]") && e.getMessage().contains("[2, 6]"), e.getMessage());
    }
}
