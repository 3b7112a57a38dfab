package io.normlab.nn.norm;

import io.normlab.tensor.Tensor;
import java.util.function.BiFunction;

/**
 * The running estimates of a batch-statistics layer: buffers {@code running_mean} (init 0),
 * {@code running_var} (init 1) and {@code num_batches_tracked} (a rank-0 tensor counting training
 * batches; float, exact up to 2^24). Each training batch does, as PyTorch:
 * <pre>
 *   num_batches_tracked += 1
 *   m = momentum, or 1 / num_batches_tracked when momentum is null (cumulative average)
 *   running_mean = (1 - m) running_mean + m batch_mean
 *   running_var  = (1 - m) running_var  + m batch_var_unbiased
 * </pre>
 * computed in double and stored as float.
 */
final class RunningStats {
    final Tensor mean;
    final Tensor var;
    final Tensor batches;
    private final Float momentum;

    RunningStats(int channels, Float momentum) {
        this.mean = Tensor.zeros(channels);
        this.var = Tensor.ones(channels);
        this.batches = Tensor.scalar(0f);
        this.momentum = momentum;
    }

    /** Registers the three buffers with PyTorch's names through the owner's registerBuffer. */
    void register(BiFunction<String, Tensor, Tensor> registerBuffer) {
        registerBuffer.apply("running_mean", mean);
        registerBuffer.apply("running_var", var);
        registerBuffer.apply("num_batches_tracked", batches);
    }

    /** Training batches seen so far. */
    long batchesTracked() {
        return (long) batches.data()[0];
    }

    /** Counts a batch and blends its per-channel mean and unbiased variance into the estimates. */
    void update(double[] batchMean, double[] batchVarUnbiased) {
        float[] n = batches.data();
        n[0] += 1f;
        double m = momentum == null ? 1.0 / n[0] : momentum;
        float[] rm = mean.data(), rv = var.data();
        for (int c = 0; c < rm.length; c++) {
            rm[c] = (float) ((1 - m) * rm[c] + m * batchMean[c]);
            rv[c] = (float) ((1 - m) * rv[c] + m * batchVarUnbiased[c]);
        }
    }

    /** The estimates as constant statistics, one per channel. */
    Stats asStats() {
        return Stats.fixed(mean.data(), var.data());
    }
}
