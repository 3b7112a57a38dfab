package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Batch of one, 1x1 spatial, extreme eps, large offsets, constant inputs. */
class EdgeCaseTest {
    /** y and dx of a module without affine against the exact double-precision answer. */
    private static void exactly(String what, Module m, Tensor x, NormLayout l, boolean centered, double eps, double tol) {
        Tensor dy = Tensor.randn(new Rng(99), x.shape());
        Var in = Var.param(x);
        Var y = m.forward(in);
        y.backward(dy);
        Tensor[] ref = Reference.exact(x, dy, l, centered, eps);
        Checks.close(what + " y", ref[0], y.value(), tol);
        Checks.close(what + " dx", ref[1], in.grad(), tol);
    }

    private static NormOptions plain(float eps) {
        return NormOptions.batchNorm().withAffine(false).withEps(eps);
    }

    @Test
    void largeOffsetNormalizesToFullFloatPrecision() {
        Rng rng = new Rng(1);
        Tensor x4 = Tensor.randn(rng, 1e4f, 1f, 4, 3, 5, 5), x2 = Tensor.randn(rng, 1e4f, 1f, 8, 64);
        exactly("BatchNorm2d", new BatchNorm2d(3, plain(1e-5f)), x4, NormLayout.perChannel(4, 3, 25), true, 1e-5, 1e-5);
        exactly("GroupNorm", new GroupNorm(3, 3, 1e-5f, false), x4, NormLayout.perSample(4, 3, 25, 3), true, 1e-5, 1e-5);
        exactly("LayerNorm", new LayerNorm(new int[] {64}, 1e-5f, false, false), x2, NormLayout.perSample(8, 1, 64, 1), true, 1e-5, 1e-5);
        exactly("BatchNorm1d", new BatchNorm1d(64, plain(1e-5f)), x2, NormLayout.perChannel(8, 64, 1), true, 1e-5, 1e-5);
    }

    @Test
    void tinyAndHugeEps() {
        Rng rng = new Rng(2);
        for (float eps : new float[] {1e-10f, 10f}) {
            Tensor x = Tensor.randn(rng, 0.5f, 0.3f, 4, 3, 2, 3);
            exactly("BatchNorm2d eps=" + eps, new BatchNorm2d(3, plain(eps)), x, NormLayout.perChannel(4, 3, 6), true, eps, 1e-5);
            exactly("GroupNorm eps=" + eps, new GroupNorm(1, 3, eps, false), x, NormLayout.perSample(4, 3, 6, 1), true, eps, 1e-5);
            exactly("InstanceNorm eps=" + eps, new InstanceNorm2d(3, NormOptions.instanceNorm().withEps(eps)), x, NormLayout.perSample(4, 3, 6, 3), true, eps, 1e-5);
            exactly("RMSNorm eps=" + eps, new RMSNorm(new int[] {3, 2, 3}, eps, false), x, NormLayout.perSample(4, 1, 18, 1), false, eps, 1e-5);
        }
    }

    @Test
    void constantInputsGiveFiniteOutputsAndGradients() {
        Rng rng = new Rng(3);
        Module[] layers = {new BatchNorm2d(3, NormOptions.batchNorm().withEps(1e-10f)), new LayerNorm(3, 2, 2), new GroupNorm(3, 3),
            new InstanceNorm2d(3, NormOptions.instanceNorm().withAffine(true)), new RMSNorm(new int[] {2, 2}, 1e-10f, true),
            new SwitchableNorm(3), new BatchInstanceNorm(3), new BatchRenorm(3)};
        for (float value : new float[] {5f, 0f, -1e4f}) {
            for (Module m : layers) {
                LayerGradCheckTest.randomize(m, rng);
                Var x = Var.param(Tensor.full(value, 2, 3, 2, 2));
                Var y = m.forward(x);
                y.backward(Tensor.randn(rng, 2, 3, 2, 2));
                String what = m.getClass().getSimpleName() + " on constant " + value;
                assertTrue(y.value().isFinite(), what + ": output " + y.value());
                assertTrue(x.grad().isFinite(), what + ": input gradient " + x.grad());
                for (var p : m.namedParameters().entrySet()) assertTrue(p.getValue().grad().isFinite(), what + ": gradient of " + p.getKey());
            }
        }
        // A constant channel normalizes to exactly zero: the output is the shift.
        BatchNorm2d bn = new BatchNorm2d(3);
        LayerGradCheckTest.randomize(bn, rng);
        Tensor y = bn.forward(Tensor.full(7f, 2, 3, 2, 2)).value();
        for (int i = 0; i < y.numel(); i++) assertTrue(y.data()[i] == bn.bias().value().data()[(i / 4) % 3], "constant channel gives bias at " + i);
    }

    @Test
    void batchOfOne() {
        Rng rng = new Rng(4);
        Tensor x = Tensor.randn(rng, 1, 4, 3, 3);
        exactly("GroupNorm", new GroupNorm(2, 4, 1e-5f, false), x, NormLayout.perSample(1, 4, 9, 2), true, 1e-5, 1e-5);
        exactly("InstanceNorm2d", new InstanceNorm2d(4), x, NormLayout.perSample(1, 4, 9, 4), true, 1e-5, 1e-5);
        exactly("LayerNorm", new LayerNorm(new int[] {4, 3, 3}, 1e-5f, false, false), x, NormLayout.perSample(1, 1, 36, 1), true, 1e-5, 1e-5);
        exactly("BatchNorm2d over 9 values", new BatchNorm2d(4, plain(1e-5f)), x, NormLayout.perChannel(1, 4, 9), true, 1e-5, 1e-5);
        BatchNorm1d bn = new BatchNorm1d(6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.randn(rng, 1, 6)));
        for (String part : new String[] {"BatchNorm1d", "[1, 6]", "more than 1 value per channel", "GroupNorm", "LayerNorm"}) {
            assertTrue(e.getMessage().contains(part), "message names '" + part + "': " + e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3).forward(Tensor.randn(rng, 1, 3, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new BatchRenorm(3).forward(Tensor.randn(rng, 1, 3)));
        bn.eval();
        assertTrue(bn.forward(Tensor.randn(rng, 1, 6)).value().isFinite(), "eval works with a batch of one");
    }

    @Test
    void oneByOneSpatial() {
        Rng rng = new Rng(5);
        Tensor x = Tensor.randn(rng, 5, 4, 1, 1), dy = Tensor.randn(rng, 5, 4, 1, 1);
        Var a = Var.param(x.copy()), b = Var.param(x.reshape(5, 4).copy());
        Var ya = new BatchNorm2d(4).forward(a), yb = new BatchNorm1d(4).forward(b);
        ya.backward(dy);
        yb.backward(dy.reshape(5, 4));
        Checks.identical("BatchNorm2d on 1x1 == BatchNorm1d y", yb.value(), ya.value());
        Checks.identical("BatchNorm2d on 1x1 == BatchNorm1d dx", b.grad(), a.grad());
        exactly("GroupNorm 1x1", new GroupNorm(2, 4, 1e-5f, false), x, NormLayout.perSample(5, 4, 1, 2), true, 1e-5, 1e-5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InstanceNorm2d(4).forward(x));
        assertTrue(e.getMessage().contains("more than 1 spatial element"), e.getMessage());
    }

    @Test
    void shapeErrorsNameTheLayerAndShape() {
        Rng rng = new Rng(6);
        Exception e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3).forward(Tensor.randn(rng, 2, 3)));
        assertTrue(e.getMessage().contains("BatchNorm2d") && e.getMessage().contains("[2, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm1d(3).forward(Tensor.randn(rng, 2, 4)));
        assertTrue(e.getMessage().contains("3 channels") && e.getMessage().contains("[2, 4]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GroupNorm(4, 6));
        assertTrue(e.getMessage().contains("num_channels (6) must be divisible by num_groups (4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LayerNorm(10).forward(Tensor.randn(rng, 4, 9)));
        assertTrue(e.getMessage().contains("[10]") && e.getMessage().contains("[4, 9]"), e.getMessage());
    }
}
