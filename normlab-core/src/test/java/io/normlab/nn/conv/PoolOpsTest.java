package io.normlab.nn.conv;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PoolOpsTest {
    private static final PoolSpec[] SPECS = {
        PoolSpec.of(2), PoolSpec.of(3, 2, 1), PoolSpec.of(3, 1, 1), new PoolSpec(3, 2, 2, 1, 1, 1), PoolSpec.of(2, 1, 0),
    };

    /** Distinct values at least 0.05 apart, shuffled: no near-ties, so a 0.01 probe never changes the arg-max. */
    private static Tensor tieFree(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        int[] perm = new int[t.numel()];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        rng.shuffleInPlace(perm);
        for (int i = 0; i < perm.length; i++) t.data()[i] = (perm[i] - perm.length / 2f) * 0.05f;
        return t;
    }

    /** Pooling on plain loops: max ignores padding; average divides by the padded or the real window size. */
    private static Tensor naivePool(Tensor x, PoolSpec s, String mode) {
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        int oh = (h + 2 * s.padH() - s.kernelH()) / s.strideH() + 1, ow = (w + 2 * s.padW() - s.kernelW()) / s.strideW() + 1;
        Tensor y = Tensor.zeros(n, c, oh, ow);
        for (int a = 0; a < n; a++)
            for (int b = 0; b < c; b++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++) {
                        double max = Double.NEGATIVE_INFINITY, sum = 0;
                        int real = 0, padded = 0;
                        for (int p = 0; p < s.kernelH(); p++)
                            for (int q = 0; q < s.kernelW(); q++) {
                                int r = i * s.strideH() - s.padH() + p, t = j * s.strideW() - s.padW() + q;
                                if (r < h + s.padH() && t < w + s.padW()) padded++;
                                if (r < 0 || r >= h || t < 0 || t >= w) continue;
                                real++;
                                max = Math.max(max, x.get(a, b, r, t));
                                sum += x.get(a, b, r, t);
                            }
                        float v = (float) (mode.equals("max") ? max : sum / (mode.equals("avg") ? padded : real));
                        y.set(v, a, b, i, j);
                    }
        return y;
    }

    @Test
    void maxPoolMatchesDefinitionAndPassesGradCheck() {
        Rng rng = new Rng(21);
        for (PoolSpec s : SPECS) {
            Var x = Var.param(tieFree(rng, 2, 3, 7, 6));
            assertTrue(naivePool(x.value(), s, "max").allClose(PoolOps.maxPool2d(x, s).value(), 0f, 0f), s.toString());
            GradCheck.defaults().check(v -> PoolOps.maxPool2d(v[0], s), x);
        }
    }

    @Test
    void maxPoolPaddingNeverWinsEvenWhenAllInputsAreNegative() {
        Tensor x = Tensor.full(-5f, 1, 1, 2, 2);
        Tensor y = PoolOps.maxPool2d(Var.of(x), PoolSpec.of(2, 1, 1)).value();
        for (float v : y.data()) assertEquals(-5f, v);
    }

    @Test
    void avgPoolMatchesDefinitionWithAndWithoutPaddingInTheCount() {
        Rng rng = new Rng(22);
        for (PoolSpec s : SPECS) {
            Var x = Var.param(Tensor.randn(rng, 2, 3, 7, 6));
            assertTrue(naivePool(x.value(), s, "avg").allClose(PoolOps.avgPool2d(x, s, true).value(), 1e-6f, 1e-6f), s.toString());
            assertTrue(naivePool(x.value(), s, "avgReal").allClose(PoolOps.avgPool2d(x, s, false).value(), 1e-6f, 1e-6f), s.toString());
            GradCheck.defaults().check(v -> PoolOps.avgPool2d(v[0], s, true), x);
            GradCheck.defaults().check(v -> PoolOps.avgPool2d(v[0], s, false), x);
        }
    }

    @Test
    void countIncludePadDividesCornerWindowsByTheFullKernel() {
        Tensor x = Tensor.ones(1, 1, 2, 2);
        PoolSpec s = PoolSpec.of(3, 1, 1);
        assertEquals(4f / 9f, PoolOps.avgPool2d(Var.of(x), s, true).value().get(0, 0, 0, 0), 1e-7f);
        assertEquals(1f, PoolOps.avgPool2d(Var.of(x), s, false).value().get(0, 0, 0, 0), 1e-7f);
    }

    @Test
    void adaptiveAvgPoolUsesOverlappingWindowsAndPassesGradCheck() {
        Rng rng = new Rng(23);
        Var x = Var.param(Tensor.randn(rng, 2, 2, 7, 5));
        Tensor y = PoolOps.adaptiveAvgPool2d(x, 3, 2).value();
        // rows [0,3), [2,5), [4,7); columns [0,3), [2,5)
        double s = 0;
        for (int r = 2; r < 5; r++) for (int c = 2; c < 5; c++) s += x.value().get(1, 0, r, c);
        assertEquals(s / 9, y.get(1, 0, 1, 1), 1e-6);
        GradCheck.defaults().check(v -> PoolOps.adaptiveAvgPool2d(v[0], 3, 2), x);
        Var x2 = Var.param(Tensor.randn(rng, 2, 3, 6, 4));
        assertTrue(PoolOps.avgPool2d(x2, PoolSpec.of(2), true).value().allClose(PoolOps.adaptiveAvgPool2d(x2, 3, 2).value(), 1e-6f, 1e-7f));
    }

    @Test
    void globalAveragePoolingIsTheSpatialMean() {
        Rng rng = new Rng(24);
        Var x = Var.param(Tensor.randn(rng, 3, 4, 5, 6));
        Var y = AdaptiveAvgPool2d.global().forward(x);
        assertArrayEquals(new int[] {3, 4, 1, 1}, y.shape());
        assertTrue(x.value().mean(true, 2, 3).allClose(y.value(), 1e-6f, 1e-6f));
        GradCheck.defaults().check(v -> AdaptiveAvgPool2d.global().forward(v[0]), x);
    }

    @Test
    void flattenKeepsTheBatchAndReshapesTheGradientBack() {
        Rng rng = new Rng(25);
        Var x = Var.param(Tensor.randn(rng, 2, 3, 4, 5));
        assertArrayEquals(new int[] {2, 60}, new Flatten().forward(x).shape());
        assertArrayEquals(new int[] {2, 12, 5}, new Flatten(1, 2).forward(x).shape());
        assertArrayEquals(new int[] {2, 3, 20}, new Flatten(-2, -1).forward(x).shape());
        GradCheck.defaults().check(v -> new Flatten().forward(v[0]).tanh(), x);
    }

    @Test
    void modulesDescribeThemselvesAndBadSettingsAreNamed() {
        assertEquals("MaxPool2d(kernel=3, stride=2, padding=1)\n", new MaxPool2d(PoolSpec.of(3, 2, 1)).toString());
        assertEquals("AvgPool2d(kernel=2, stride=2)\n", new AvgPool2d(2).toString());
        var e = assertThrows(IllegalArgumentException.class, () -> PoolSpec.of(2, 2, 2));
        assertTrue(e.getMessage().contains("at most half the kernel"), e.getMessage());
        var s = assertThrows(ShapeException.class, () -> PoolOps.maxPool2d(Var.of(Tensor.zeros(1, 1, 2, 2)), PoolSpec.of(3)));
        assertTrue(s.getMessage().contains("max_pool2d"), s.getMessage());
        s = assertThrows(ShapeException.class, () -> new MaxPool2d(2).forward(Tensor.zeros(4, 4)));
        assertTrue(s.getMessage().contains("expected 4-D input"), s.getMessage());
    }
}
