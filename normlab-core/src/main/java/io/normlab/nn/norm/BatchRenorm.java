package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.tensor.Tensor;

/**
 * Batch Renormalization (Ioffe 2017): BatchNorm whose training output is corrected toward the
 * running statistics, so training and inference normalize alike with small or non-i.i.d. batches.
 * <pre>
 *   sigma_B = sqrt(var_B + eps),  sigma = sqrt(running_var + eps)
 *   r = clip(sigma_B / sigma, 1/r_max, r_max),   d = clip((mean_B - running_mean) / sigma, -d_max, d_max)
 *   y = ((x - mean_B) / sigma_B * r + d) * weight_c + bias_c            (training)
 *   y = (x - running_mean) / sigma * weight_c + bias_c                  (eval, as BatchNorm)
 * </pre>
 * r and d are per channel and treated as constants in backward (stop-gradient), as in the
 * paper. Implemented on the core: normalization with batch statistics and the effective affine
 * {@code weight * r}, {@code bias + weight * d}, which autograd differentiates into weight and
 * bias. Statistics, variances (biased to normalize, unbiased into running_var), momentum rule,
 * shapes (N, C, *) and defaults as {@link BatchNorm}; running statistics are required.
 * With r_max = 1 and d_max = 0 it is exactly BatchNorm.
 *
 * <p>The limits follow a {@link LimitSchedule} of the step (num_batches_tracked before the
 * batch): constant (3, 5) by default, {@link #setLimits} for fixed values, or
 * {@link LimitSchedule#ioffe2017} for the paper's relaxation from (1, 0).
 */
public final class BatchRenorm extends BatchNorm {
    /** Clipping limits: r in [1/rMax, rMax], d in [-dMax, dMax]. */
    public record Limits(float rMax, float dMax) {
        public Limits {
            if (!(rMax >= 1f) || !(dMax >= 0f)) throw new IllegalArgumentException("BatchRenorm: need r_max >= 1 and d_max >= 0, got " + rMax + ", " + dMax);
        }
    }

    /** Limits as a function of the training step (batches seen before this one). */
    @FunctionalInterface
    public interface LimitSchedule {
        Limits at(long step);

        static LimitSchedule constant(float rMax, float dMax) {
            Limits l = new Limits(rMax, dMax);
            return step -> l;
        }

        /**
         * The paper's schedule: (1, 0) for {@code warmup} steps, then r_max rises linearly to
         * {@code rMax} at step {@code rEnd} and d_max to {@code dMax} at step {@code dEnd}
         * (the paper: warmup 5k, r_max 3 at 40k, d_max 5 at 25k).
         */
        static LimitSchedule ioffe2017(long warmup, long rEnd, long dEnd, float rMax, float dMax) {
            if (rEnd <= warmup || dEnd <= warmup) throw new IllegalArgumentException("ioffe2017: ramp ends must follow the warm-up");
            return step -> new Limits(1f + (rMax - 1f) * ramp(step, warmup, rEnd), dMax * ramp(step, warmup, dEnd));
        }

        private static float ramp(long step, long start, long end) {
            return (float) Math.min(1.0, Math.max(0.0, (double) (step - start) / (end - start)));
        }
    }

    private LimitSchedule schedule = LimitSchedule.constant(3f, 5f);
    private float[] lastR, lastD;

    /** Defaults of {@link NormOptions#batchNorm()}, limits (3, 5). */
    public BatchRenorm(int numFeatures) {
        this(numFeatures, NormOptions.batchNorm());
    }

    public BatchRenorm(int numFeatures, NormOptions options) {
        super("BatchRenorm", numFeatures, check(options), 2, 3, 4, 5);
    }

    private static NormOptions check(NormOptions options) {
        if (!options.trackRunningStats()) throw new IllegalArgumentException("BatchRenorm: needs running statistics (track_running_stats = true)");
        return options;
    }

    /** Fixed limits from now on. Returns this. */
    public BatchRenorm setLimits(float rMax, float dMax) {
        return setSchedule(LimitSchedule.constant(rMax, dMax));
    }

    /** Limits from a schedule of the step. Returns this. */
    public BatchRenorm setSchedule(LimitSchedule newSchedule) {
        this.schedule = newSchedule;
        return this;
    }

    /** The limits the next training batch will use. */
    public Limits currentLimits() {
        return schedule.at(numBatchesTracked());
    }

    @Override
    protected Var batchForward(NormCore.Spec spec, Var x, Var gamma, Var beta) {
        if (!isTraining()) return super.batchForward(spec, x, gamma, beta);
        Limits lim = currentLimits();
        Stats batch = Stats.compute(x.value().data(), spec.layout(), true);
        float[] rm = runningMean().data(), rv = runningVar().data();
        int c = rm.length;
        float[] r = new float[c], d = new float[c];
        for (int ch = 0; ch < c; ch++) {
            double sigma = Math.sqrt(rv[ch] + (double) spec.eps());
            double ratio = Math.sqrt(batch.var(ch) + spec.eps()) / sigma;
            r[ch] = (float) Math.min(lim.rMax(), Math.max(1.0 / lim.rMax(), ratio));
            d[ch] = (float) Math.min(lim.dMax(), Math.max(-lim.dMax(), (batch.mean(ch) - rm[ch]) / sigma));
        }
        lastR = r;
        lastD = d;
        Var rv0 = Var.of(Tensor.wrap(r, c)), dv = Var.of(Tensor.wrap(d, c));
        Var g = gamma == null ? rv0 : gamma.mul(rv0);
        Var b = gamma == null ? dv : gamma.mul(dv);
        if (beta != null) b = b.add(beta);
        return super.batchForward(spec, x, g, b);
    }

    /** r of the last training batch (a copy), or null before the first. */
    public float[] lastR() {
        return lastR == null ? null : lastR.clone();
    }

    /** d of the last training batch (a copy), or null before the first. */
    public float[] lastD() {
        return lastD == null ? null : lastD.clone();
    }

    @Override
    protected String describe() {
        Limits l = currentLimits();
        return super.describe() + ", r_max=" + l.rMax() + ", d_max=" + l.dMax();
    }
}
