package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.normlab.autograd.Var;
import io.normlab.tensor.Reductions;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running statistics, the momentum rule, num_batches_tracked, freezing, state-dict names. */
class BatchNormStateTest {
    private static final int C = 3;

    private static Tensor channelMean(Tensor x) {
        return Reductions.mean(x, false, 0, 2, 3);
    }

    private static Tensor channelVarUnbiased(Tensor x) {
        return Reductions.var(x, true, false, 0, 2, 3);
    }

    @Test
    void momentumRuleUsesTheUnbiasedVariance() {
        Rng rng = new Rng(1);
        BatchNorm2d bn = new BatchNorm2d(C, NormOptions.batchNorm().withMomentum(0.25f));
        float[] rm = new float[C], rv = {1f, 1f, 1f};
        for (int step = 1; step <= 3; step++) {
            Tensor x = Tensor.randn(rng, step, 2f, 4, C, 3, 3);
            bn.forward(x);
            float[] m = channelMean(x).data(), v = channelVarUnbiased(x).data();
            for (int c = 0; c < C; c++) {
                rm[c] = 0.75f * rm[c] + 0.25f * m[c];
                rv[c] = 0.75f * rv[c] + 0.25f * v[c];
            }
            assertEquals(step, bn.numBatchesTracked());
        }
        Checks.close("running_mean", Tensor.wrap(rm, C), bn.runningMean(), 1e-6);
        Checks.close("running_var", Tensor.wrap(rv, C), bn.runningVar(), 1e-6);
    }

    @Test
    void nullMomentumIsTheCumulativeAverage() {
        Rng rng = new Rng(2);
        BatchNorm2d bn = new BatchNorm2d(C, NormOptions.batchNorm().withMomentum(null));
        Tensor sumMean = Tensor.zeros(C), sumVar = Tensor.zeros(C);
        int k = 5;
        for (int step = 0; step < k; step++) {
            Tensor x = Tensor.randn(rng, step, 1f + step, 2, C, 4, 4);
            bn.forward(x);
            sumMean = sumMean.add(channelMean(x));
            sumVar = sumVar.add(channelVarUnbiased(x));
        }
        assertEquals(k, bn.numBatchesTracked());
        Checks.close("running_mean", sumMean.mul(1f / k), bn.runningMean(), 1e-5);
        Checks.close("running_var", sumVar.mul(1f / k), bn.runningVar(), 1e-5);
    }

    @Test
    void evalAndFrozenDoNotMoveRunningStatistics() {
        Rng rng = new Rng(3);
        BatchNorm2d bn = new BatchNorm2d(C);
        bn.forward(Tensor.randn(rng, 2f, 3f, 4, C, 2, 2));
        Tensor rm = bn.runningMean().copy(), rv = bn.runningVar().copy();
        bn.eval().forward(Tensor.randn(rng, 4, C, 2, 2));
        bn.train();
        bn.freeze(true);
        Tensor x = Tensor.randn(rng, 4, C, 2, 2);
        Var y = bn.forward(Var.param(x));
        Checks.identical("running_mean", rm, bn.runningMean());
        Checks.identical("running_var", rv, bn.runningVar());
        assertEquals(1, bn.numBatchesTracked());
        // frozen in training mode normalizes exactly as eval does
        BatchNorm2d copy = new BatchNorm2d(C);
        copy.loadStateDict(bn.stateDict());
        Checks.identical("frozen == eval", copy.eval().forward(x).value(), y.value());
        // with frozen affine, weight and bias get no gradient; unfrozen, they do again
        y.backward(Tensor.randn(rng, 4, C, 2, 2));
        assertNull(bn.weight().grad());
        assertNull(bn.bias().grad());
        bn.freeze(false);
        bn.forward(Var.param(x)).backward(Tensor.randn(rng, 4, C, 2, 2));
        assertEquals(C, bn.weight().grad().numel());
        bn.unfreeze();
        bn.forward(x);
        assertEquals(2, bn.numBatchesTracked());
    }

    @Test
    void withoutTrackingBatchStatisticsAreUsedInEvalToo() {
        Rng rng = new Rng(4);
        BatchNorm2d a = new BatchNorm2d(C, NormOptions.batchNorm().withTrackRunningStats(false));
        assertEquals(List.of("weight", "bias"), List.copyOf(a.stateDict().keySet()));
        Tensor x = Tensor.randn(rng, 3f, 2f, 4, C, 2, 2);
        Checks.identical("eval == train", a.forward(x).value(), a.eval().forward(x).value());
        assertThrows(IllegalStateException.class, () -> a.freeze(false));
    }

    @Test
    void stateDictNamesFollowPyTorch() {
        assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"), List.copyOf(new BatchNorm1d(4).stateDict().keySet()));
        assertEquals(List.of("weight", "bias", "mean_weight", "var_weight", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(new SwitchableNorm(4).stateDict().keySet()));
        assertEquals(List.of("weight", "bias", "gate", "running_mean", "running_var", "num_batches_tracked"),
                List.copyOf(new BatchInstanceNorm(4).stateDict().keySet()));
        assertEquals(List.of(), List.copyOf(new InstanceNorm2d(4).stateDict().keySet()));
        assertEquals(List.of("weight"), List.copyOf(new RMSNorm(4).stateDict().keySet()));
        assertEquals(List.of("bias", "weight_g", "weight_v"), List.copyOf(new WeightNormLinear(3, 2, new Rng(1)).stateDict().keySet()));
    }

    @Test
    void trackedInstanceNormAveragesInstanceStatisticsOverTheBatch() {
        Rng rng = new Rng(5);
        InstanceNorm2d in = new InstanceNorm2d(C, NormOptions.instanceNorm().withTrackRunningStats(true));
        Tensor x = Tensor.randn(rng, 1f, 2f, 4, C, 3, 3);
        in.forward(x);
        Tensor mean = Reductions.mean(x, false, 2, 3).mean(false, 0);
        Tensor var = Reductions.var(x, true, false, 2, 3).mean(false, 0);
        Checks.close("running_mean", mean.mul(0.1f), in.runningMean(), 1e-6);
        Checks.close("running_var", var.mul(0.1f).add(0.9f), in.runningVar(), 1e-6);
        Tensor y = in.eval().forward(x).value();
        Checks.close("eval uses running stats", Reference.affineFromStats(x, in.runningMean().data(), in.runningVar().data(), 1e-5f,
                new float[] {1, 1, 1}, new float[C]), y, 1e-6);
    }

    @Test
    void rmsNormDefaultEpsIsFloatMachineEpsilon() {
        assertEquals(1.1920929e-7f, new RMSNorm(4).eps());
    }
}
