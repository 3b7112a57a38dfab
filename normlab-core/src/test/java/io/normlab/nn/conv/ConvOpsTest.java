package io.normlab.nn.conv;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Var;
import io.normlab.tensor.Parallel;
import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConvOpsTest {
    /** Direct definition of the convolution on plain loops, in double. */
    static Tensor naiveConv2d(Tensor x, Tensor w, Tensor b, ConvSpec s) {
        int n = x.size(0), c = x.size(1), h = x.size(2), wd = x.size(3);
        int co = w.size(0), cg = w.size(1), kh = w.size(2), kw = w.size(3), g = s.groups(), og = co / g;
        int oh = (h + 2 * s.padH() - s.dilationH() * (kh - 1) - 1) / s.strideH() + 1;
        int ow = (wd + 2 * s.padW() - s.dilationW() * (kw - 1) - 1) / s.strideW() + 1;
        Tensor y = Tensor.zeros(n, co, oh, ow);
        for (int in = 0; in < n; in++)
            for (int o = 0; o < co; o++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++) {
                        double acc = b == null ? 0 : b.get(o);
                        for (int ci = 0; ci < cg; ci++)
                            for (int p = 0; p < kh; p++)
                                for (int q = 0; q < kw; q++) {
                                    int r = i * s.strideH() - s.padH() + p * s.dilationH();
                                    int t = j * s.strideW() - s.padW() + q * s.dilationW();
                                    if (r < 0 || r >= h || t < 0 || t >= wd) continue;
                                    acc += (double) w.get(o, ci, p, q) * x.get(in, (o / og) * cg + ci, r, t);
                                }
                        y.set((float) acc, in, o, i, j);
                    }
        return y;
    }

    private static final ConvSpec[] SPECS = {
        ConvSpec.DEFAULT,
        ConvSpec.of(1, 1),
        ConvSpec.of(2, 1),
        ConvSpec.of(2, 0).dilation(2),
        new ConvSpec(2, 1, 1, 2, 1, 2, 1),
        ConvSpec.of(1, 1).groups(2),
        ConvSpec.of(3, 2).dilation(2, 1).groups(4),
    };

    @Test
    void forwardMatchesTheDefinitionForStridePaddingDilationGroups() {
        Rng rng = new Rng(11);
        for (ConvSpec s : SPECS) {
            int g = s.groups();
            Tensor x = Tensor.randn(rng, 3, 4, 9, 8);
            Tensor w = Tensor.randn(rng, 4, 4 / g, 3, 3);
            Tensor b = Tensor.randn(rng, 4);
            Tensor y = ConvOps.conv2d(Var.of(x), Var.of(w), Var.of(b), s).value();
            assertTrue(naiveConv2d(x, w, b, s).allClose(y, 1e-5f, 1e-5f), s.toString());
            Tensor y0 = ConvOps.conv2d(Var.of(x), Var.of(w), null, s).value();
            assertTrue(naiveConv2d(x, w, null, s).allClose(y0, 1e-5f, 1e-5f), "no bias " + s);
        }
    }

    @Test
    void outputSizeFollowsPyTorchRule() {
        Var x = Var.of(Tensor.zeros(1, 2, 11, 7));
        Var w = Var.of(Tensor.zeros(3, 2, 3, 2));
        // H: floor((11 + 2*1 - 2*(3-1) - 1)/2) + 1 = 5; W: floor((7 + 0 - 1*(2-1) - 1)/3) + 1 = 2
        assertArrayEquals(new int[] {1, 3, 5, 2}, ConvOps.conv2d(x, w, null, new ConvSpec(2, 3, 1, 0, 2, 1, 1)).shape());
    }

    @Test
    void gradientsPassGradCheckForEverySpec() {
        Rng rng = new Rng(12);
        for (ConvSpec s : SPECS) {
            int g = s.groups();
            // values near the init scale keep outputs O(1), so float rounding stays below the check's atol
            Var x = Var.param(Tensor.randn(rng, 0f, 0.5f, 2, 4, 7, 6));
            Var w = Var.param(Tensor.randn(rng, 0f, 0.3f, 4, 4 / g, 3, 2));
            Var b = Var.param(Tensor.randn(rng, 0f, 0.1f, 4));
            GradCheck.defaults().check(v -> ConvOps.conv2d(v[0], v[1], v[2], s), x, w, b);
            GradCheck.defaults().check(v -> ConvOps.conv2d(v[0], v[1], null, s), x, w);
        }
    }

    @Test
    void depthwiseWithChannelMultiplierPassesGradCheckAndMatchesDefinition() {
        Rng rng = new Rng(13);
        ConvSpec s = ConvSpec.of(2, 1).groups(3);
        Var x = Var.param(Tensor.randn(rng, 2, 3, 6, 7));
        Var w = Var.param(Tensor.randn(rng, 6, 1, 3, 3));
        Var b = Var.param(Tensor.randn(rng, 6));
        assertTrue(naiveConv2d(x.value(), w.value(), b.value(), s).allClose(ConvOps.conv2d(x, w, b, s).value(), 1e-5f, 1e-5f));
        GradCheck.defaults().check(v -> ConvOps.conv2d(v[0], v[1], v[2], s), x, w, b);
    }

    @Test
    void pointwiseFastPathMatchesDefinitionAndPassesGradCheck() {
        Rng rng = new Rng(14);
        for (int g : new int[] {1, 2}) {
            ConvSpec s = ConvSpec.DEFAULT.groups(g);
            Var x = Var.param(Tensor.randn(rng, 3, 4, 5, 3));
            Var w = Var.param(Tensor.randn(rng, 6, 4 / g, 1, 1));
            Var b = Var.param(Tensor.randn(rng, 6));
            assertTrue(naiveConv2d(x.value(), w.value(), b.value(), s).allClose(ConvOps.conv2d(x, w, b, s).value(), 1e-5f, 1e-5f));
            GradCheck.defaults().check(v -> ConvOps.conv2d(v[0], v[1], v[2], s), x, w, b);
        }
    }

    /** Few input rows per group (K = C/g*kH*kW = 9) and more output channels (M = 16): the transposed dW path. */
    @Test
    void weightGradientWithMoreOutputChannelsThanColumnRowsPassesGradCheck() {
        Rng rng = new Rng(18);
        for (int g : new int[] {1, 2}) {
            ConvSpec s = ConvSpec.of(1, 1).groups(g);
            Var x = Var.param(Tensor.randn(rng, 0f, 0.5f, 2, g, 5, 4));
            Var w = Var.param(Tensor.randn(rng, 0f, 0.3f, 16 * g, 1, 3, 3));
            Var b = Var.param(Tensor.randn(rng, 0f, 0.1f, 16 * g));
            GradCheck.defaults().check(v -> ConvOps.conv2d(v[0], v[1], v[2], s), x, w, b);
        }
    }

    /** The weight may be any variable, e.g. a standardized weight computed from the raw parameter. */
    @Test
    void computedWeightVariablePassesGradientsToTheRawParameter() {
        Rng rng = new Rng(19);
        Var x = Var.param(Tensor.randn(rng, 0f, 0.5f, 2, 3, 5, 5));
        Var raw = Var.param(Tensor.randn(rng, 0f, 0.3f, 4, 3, 3, 3));
        GradCheck.defaults().check(v -> {
            Var centred = v[1].sub(v[1].mean(true, 1, 2, 3)); // per output channel, as weight standardization
            return ConvOps.conv2d(v[0], centred, null, ConvSpec.of(1, 1));
        }, x, raw);
    }

    @Test
    void onlyTheInputsThatNeedGradientsGetThem() {
        Rng rng = new Rng(15);
        Var x = Var.of(Tensor.randn(rng, 2, 2, 5, 5));
        Var w = Var.param(Tensor.randn(rng, 3, 2, 3, 3));
        ConvOps.conv2d(x, w, null, ConvSpec.of(1, 1)).backward(Tensor.randn(rng, 2, 3, 5, 5));
        assertNull(x.grad());
        assertNotNull(w.grad());
        Var x2 = Var.param(x.value());
        Var w2 = Var.of(w.value());
        GradCheck.defaults().check(v -> ConvOps.conv2d(v[0], w2, null, ConvSpec.of(2, 1)), x2);
    }

    @Test
    void conv1dMatchesConv2dOfHeightOneAndPassesGradCheck() {
        Rng rng = new Rng(16);
        Var x = Var.param(Tensor.randn(rng, 2, 4, 11));
        Var w = Var.param(Tensor.randn(rng, 6, 2, 3));
        Var b = Var.param(Tensor.randn(rng, 6));
        Tensor y = ConvOps.conv1d(x, w, b, 2, 2, 2, 2).value();
        Tensor ref = naiveConv2d(x.value().reshape(2, 4, 1, 11), w.value().reshape(6, 2, 1, 3), b.value(), new ConvSpec(1, 2, 0, 2, 1, 2, 2));
        assertArrayEquals(new int[] {2, 6, 6}, y.shape());
        assertTrue(ref.reshape(2, 6, 6).allClose(y, 1e-5f, 1e-5f));
        GradCheck.defaults().check(v -> ConvOps.conv1d(v[0], v[1], v[2], 2, 2, 2, 2), x, w, b);
    }

    @Test
    void convAndPoolingAreBitIdenticalWithOneAndTwoThreads() {
        int before = Parallel.threads();
        try {
            Tensor[] one = runConv(1), two = runConv(2);
            for (int i = 0; i < one.length; i++) assertArrayEquals(one[i].data(), two[i].data(), "output " + i);
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** A batch of 20 (10 chunks), channels enough for the GEMM to split its work, then max and average pooling. */
    private static Tensor[] runConv(int threads) {
        Parallel.setThreads(threads);
        Rng rng = new Rng(17);
        Var x = Var.param(Tensor.randn(rng, 20, 16, 12, 12));
        Var w = Var.param(Tensor.randn(rng, 48, 16, 3, 3));
        Var b = Var.param(Tensor.randn(rng, 48));
        Var y = ConvOps.conv2d(x, w, b, ConvSpec.of(1, 1));
        Var pooled = PoolOps.maxPool2d(y, PoolSpec.of(3, 2, 1)).add(PoolOps.avgPool2d(y, PoolSpec.of(3, 2, 1), true));
        pooled.backward(Tensor.randn(rng, pooled.shape()));
        return new Tensor[] {pooled.value(), x.grad(), w.grad(), b.grad()};
    }

    @Test
    void shapeErrorsNameTheProblem() {
        Var x = Var.of(Tensor.zeros(1, 4, 5, 5));
        var e = assertThrows(ShapeException.class, () -> ConvOps.conv2d(x, Var.of(Tensor.zeros(2, 3, 3, 3)), null, ConvSpec.DEFAULT));
        assertTrue(e.getMessage().contains("C/groups = 4"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> ConvOps.conv2d(x, Var.of(Tensor.zeros(3, 2, 3, 3)), null, ConvSpec.DEFAULT.groups(2)));
        assertTrue(e.getMessage().contains("divisible by groups 2"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> ConvOps.conv2d(x, Var.of(Tensor.zeros(2, 4, 7, 7)), null, ConvSpec.DEFAULT));
        assertTrue(e.getMessage().contains("larger than the padded input"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> ConvOps.conv2d(Var.of(Tensor.zeros(4, 5, 5)), Var.of(Tensor.zeros(2, 4, 3, 3)), null, ConvSpec.DEFAULT));
        assertTrue(e.getMessage().contains("expected 4-D input"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConvSpec.of(0, 1));
    }
}
