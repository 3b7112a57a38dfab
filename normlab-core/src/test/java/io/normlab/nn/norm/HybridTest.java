package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Switchable and Batch-Instance Normalization: their learned mixing parameters. */
class HybridTest {
    @Test
    void switchableNormStartsWithAnEqualMixAndLearnsItsLogits() {
        SwitchableNorm sn = new SwitchableNorm(3);
        assertArrayEquals(new float[] {1f / 3, 1f / 3, 1f / 3}, sn.meanMix(), 1e-7f);
        Rng rng = new Rng(1);
        Var y = sn.forward(Tensor.randn(rng, 1f, 2f, 4, 3, 3, 3));
        y.backward(Tensor.randn(rng, 4, 3, 3, 3));
        assertEquals(3, sn.meanWeight().grad().numel());
        assertTrue(Math.abs(sn.meanWeight().grad().data()[0]) + Math.abs(sn.varWeight().grad().data()[0]) > 0, "mixing logits receive gradient");
        // softmax gradients sum to zero over the three logits
        float[] gm = sn.meanWeight().grad().data();
        assertEquals(0.0, gm[0] + gm[1] + gm[2], 1e-5);
    }

    @Test
    void clampGatesClipsIntoTheUnitInterval() {
        BatchInstanceNorm bin = new BatchInstanceNorm(4);
        float[] g = bin.gate().value().data();
        g[0] = -0.3f;
        g[1] = 0.4f;
        g[2] = 1.7f;
        g[3] = 1f;
        bin.clampGates();
        assertArrayEquals(new float[] {0f, 0.4f, 1f, 1f}, g, 0f);
    }

    @Test
    void afterStepReachesGatesInsideANetwork() {
        BatchInstanceNorm bin = new BatchInstanceNorm(2);
        io.normlab.nn.Sequential net = new io.normlab.nn.Sequential(new BatchNorm1d(2), bin);
        bin.gate().value().fill(-2f);
        AfterStep.applyAll(net);
        assertArrayEquals(new float[] {0f, 0f}, bin.gate().value().data(), 0f);
    }

    @Test
    void batchInstanceNormIsTheGatedMixOfBatchAndInstanceNorm() {
        Rng rng = new Rng(2);
        int n = 3, c = 2, s = 6;
        BatchInstanceNorm bin = new BatchInstanceNorm(c);
        LayerGradCheckTest.randomize(bin, rng);
        Tensor x = Tensor.randn(rng, 1f, 2f, n, c, s);
        Tensor y = bin.forward(x).value();
        Tensor bn = Reference.exact(x, x, NormLayout.perChannel(n, c, s), true, 1e-5)[0];
        Tensor in = Reference.exact(x, x, NormLayout.perSample(n, c, s, c), true, 1e-5)[0];
        float[] rho = bin.gate().value().data(), w = bin.weight().value().data(), b = bin.bias().value().data();
        float[] expected = new float[x.numel()];
        for (int i = 0; i < expected.length; i++) {
            int ch = (i / s) % c;
            expected[i] = w[ch] * (rho[ch] * bn.data()[i] + (1 - rho[ch]) * in.data()[i]) + b[ch];
        }
        Checks.close("y", Tensor.wrap(expected, n, c, s), y, 1e-5);
    }
}
