package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** r and d, their clipping and schedule, and the stop-gradient backward. */
class BatchRenormTest {
    private static final int N = 4, C = 3, L = 5;

    @Test
    void rAndDAreClippedToTheLimits() {
        BatchRenorm br = new BatchRenorm(C).setLimits(1.5f, 0.5f);
        br.runningMean().fill(10f);
        br.runningVar().fill(100f);
        br.forward(Tensor.randn(new Rng(1), N, C, L));
        for (int c = 0; c < C; c++) {
            assertEquals(1f / 1.5f, br.lastR()[c], 1e-7f);
            assertEquals(-0.5f, br.lastD()[c], 0f);
        }
    }

    @Test
    void unclippedOutputAndStopGradientBackward() {
        Rng rng = new Rng(2);
        BatchRenorm br = new BatchRenorm(C).setLimits(100f, 100f);
        LayerGradCheckTest.randomize(br, rng);
        float[] rm = {0.5f, -1f, 2f}, rv = {2f, 0.5f, 3f};
        System.arraycopy(rm, 0, br.runningMean().data(), 0, C);
        System.arraycopy(rv, 0, br.runningVar().data(), 0, C);
        Tensor x = Tensor.randn(rng, 1f, 1.5f, N, C, L), dy = Tensor.randn(rng, N, C, L);
        Var xa = Var.param(x.copy());
        Var y = br.forward(xa);
        y.backward(dy);
        // r and d from the batch statistics, unclipped
        NormLayout l = NormLayout.perChannel(N, C, L);
        Stats st = Stats.compute(x.data(), l, true);
        float[] r = new float[C], d = new float[C];
        for (int c = 0; c < C; c++) {
            double sigma = Math.sqrt(rv[c] + 1e-5);
            r[c] = (float) (Math.sqrt(st.var(c) + 1e-5) / sigma);
            d[c] = (float) ((st.mean(c) - rm[c]) / sigma);
            assertEquals(r[c], br.lastR()[c], 1e-6f);
            assertEquals(d[c], br.lastD()[c], 1e-6f);
        }
        // the composed reference with r and d as constants: ((x - mu)/sigma_B * r + d) * gamma + beta
        Var xb = Var.param(x.copy()), gamma = Var.param(br.weight().value().copy()), beta = Var.param(br.bias().value().copy());
        NormCore.Spec spec = new NormCore.Spec(l, true, 1e-5f, NormCore.AffineAxis.CHANNEL);
        Var ref = Reference.normalize(spec, xb, null, null).mul(Var.of(Tensor.wrap(r, 1, C, 1))).add(Var.of(Tensor.wrap(d, 1, C, 1)))
                .mul(gamma.reshape(1, C, 1)).add(beta.reshape(1, C, 1));
        ref.backward(dy);
        Checks.close("y", ref.value(), y.value(), 1e-5);
        Checks.close("dx", xb.grad(), xa.grad(), 1e-5);
        Checks.close("dweight", gamma.grad(), br.weight().grad(), 1e-5);
        Checks.close("dbias", beta.grad(), br.bias().grad(), 1e-5);
    }

    @Test
    void paperScheduleRelaxesTheLimits() {
        BatchRenorm br = new BatchRenorm(C).setSchedule(BatchRenorm.LimitSchedule.ioffe2017(5, 10, 8, 3f, 5f));
        Rng rng = new Rng(3);
        float[][] expected = {{1f, 0f}, {1f, 0f}, {1f, 0f}, {1f, 0f}, {1f, 0f}, {1f, 0f}, {1.4f, 5f / 3}, {1.8f, 10f / 3}, {2.2f, 5f}, {2.6f, 5f}, {3f, 5f}, {3f, 5f}};
        for (float[] e : expected) {
            assertEquals(e[0], br.currentLimits().rMax(), 1e-6f);
            assertEquals(e[1], br.currentLimits().dMax(), 1e-6f);
            br.forward(Tensor.randn(rng, N, C, L));
        }
        assertThrows(IllegalArgumentException.class, () -> br.setLimits(0.5f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new BatchRenorm(C, NormOptions.batchNorm().withTrackRunningStats(false)));
    }

    @Test
    void evalIsBatchNormEval() {
        Rng rng = new Rng(4);
        BatchRenorm br = new BatchRenorm(C);
        LayerGradCheckTest.randomize(br, rng);
        for (int i = 0; i < 3; i++) br.forward(Tensor.randn(rng, 1f, 2f, N, C, L));
        BatchNorm1d bn = new BatchNorm1d(C);
        bn.loadStateDict(br.stateDict());
        Tensor x = Tensor.randn(rng, N, C, L);
        Checks.identical("eval", bn.eval().forward(x).value(), br.eval().forward(x).value());
    }
}
