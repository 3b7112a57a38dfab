package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.MatrixOps;
import io.normlab.autograd.Var;
import io.normlab.nn.Linear;
import io.normlab.tensor.Reductions;
import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Weight Normalization and Weight Standardization. */
class WeightSideTest {
    @Test
    void weightNormIsGTimesTheUnitRow() {
        Rng rng = new Rng(1);
        Tensor v = Tensor.randn(rng, 3, 2, 2, 2), g = Tensor.randn(rng, 3, 1, 1, 1);
        Tensor w = WeightNorm.apply(Var.of(v), Var.of(g)).value();
        for (int o = 0; o < 3; o++) {
            double norm = 0;
            for (int i = 0; i < 8; i++) norm += v.data()[o * 8 + i] * v.data()[o * 8 + i];
            for (int i = 0; i < 8; i++) assertEquals(g.data()[o] * v.data()[o * 8 + i] / Math.sqrt(norm), w.data()[o * 8 + i], 1e-6);
        }
    }

    @Test
    void weightNormGradcheckForLinearAndConvShapes() {
        Rng rng = new Rng(2);
        GradCheck.defaults().check(p -> WeightNorm.apply(p[0], p[1]), Var.param(Tensor.randn(rng, 4, 3)), Var.param(Tensor.randn(rng, 4, 1)));
        GradCheck.defaults().check(p -> WeightNorm.apply(p[0], p[1]), Var.param(Tensor.randn(rng, 2, 3, 2, 2)), Var.param(Tensor.randn(rng, 2, 1, 1, 1)));
        assertThrows(ShapeException.class, () -> WeightNorm.apply(Var.of(Tensor.ones(4, 3)), Var.of(Tensor.ones(3))));
        assertThrows(IllegalArgumentException.class, () -> WeightNorm.apply(Var.of(Tensor.zeros(2, 3)), Var.of(Tensor.ones(2))));
    }

    @Test
    void weightNormLinearStartsAsThePlainLinearAndTrainsGAndV() {
        WeightNormLinear wn = new WeightNormLinear(5, 3, new Rng(7));
        Linear plain = new Linear(5, 3, new Rng(7));
        Checks.close("initial weight", plain.weight().value(), wn.weight(), 1e-6);
        assertEquals(3, wn.weightG().value().size(0));
        assertEquals(1, wn.weightG().value().size(1));
        Tensor x = Tensor.randn(new Rng(8), 4, 5);
        Checks.close("initial output", plain.forward(x).value(), wn.forward(x).value(), 1e-6);
        // the composed form g * v / ||v|| built from autograd ops gives the same gradients
        Rng rng = new Rng(9);
        Tensor dy = Tensor.randn(rng, 4, 3);
        wn.forward(x).backward(dy);
        Var v = Var.param(wn.weightV().value().copy()), g = Var.param(wn.weightG().value().copy()), b = Var.param(wn.bias().value().copy());
        Var norm = io.normlab.autograd.Arithmetic.sqrt(io.normlab.autograd.Arithmetic.square(v).sum(true, 1));
        MatrixOps.linear(Var.of(x), g.mul(v.div(norm)), b).backward(dy);
        Checks.close("dv", v.grad(), wn.weightV().grad(), 1e-5);
        Checks.close("dg", g.grad(), wn.weightG().grad(), 1e-5);
        Checks.close("db", b.grad(), wn.bias().grad(), 1e-6);
    }

    @Test
    void weightStandardizationGivesZeroMeanUnitVariancePerFilter() {
        Rng rng = new Rng(3);
        Tensor w = Tensor.randn(rng, 2f, 3f, 4, 3, 3, 3);
        Tensor ws = WeightStandardization.apply(Var.of(w), 0f).value();
        Tensor flat = ws.reshape(4, 27);
        Checks.close("filter means", Tensor.zeros(4), Reductions.mean(flat, false, 1), 1e-6);
        Checks.close("filter variances", Tensor.ones(4), Reductions.var(flat, false, false, 1), 1e-5);
        assertThrows(ShapeException.class, () -> WeightStandardization.apply(Var.of(Tensor.ones(5))));
    }

    @Test
    void weightStandardizationGradcheckAndReference() {
        Rng rng = new Rng(4);
        Var w = Var.param(Tensor.randn(rng, 3, 2, 2, 2));
        GradCheck.defaults().check(p -> WeightStandardization.apply(p[0]), w);
        Tensor dy = Tensor.randn(rng, 3, 2, 2, 2);
        Tensor[] exact = Reference.exact(w.value(), dy, NormLayout.perSample(3, 1, 8, 1), true, WeightStandardization.DEFAULT_EPS);
        w.zeroGrad();
        Var y = WeightStandardization.apply(w);
        y.backward(dy);
        Checks.close("w_hat", exact[0], y.value(), 1e-5);
        Checks.close("dw", exact[1], w.grad(), 1e-5);
    }
}
