package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * Instance Normalization (Ulyanov, Vedaldi &amp; Lempitsky 2016), PyTorch's semantics; the base
 * of {@link InstanceNorm1d} and {@link InstanceNorm2d}.
 * <pre>
 *   y = (x - mean_(n,c)) / sqrt(var_(n,c) + eps) * weight_c + bias_c
 * </pre>
 * <ul>
 *   <li>Statistics: per sample and channel over the trailing (spatial or time) dims; biased
 *       variance. An unbatched input (C, *) is treated as a batch of one.</li>
 *   <li>With track_running_stats: training also updates running_mean and running_var with the
 *       per-instance means and <em>unbiased</em> variances averaged over the batch,
 *       {@code running = (1 - momentum) running + momentum batch}; eval then normalizes with the
 *       running estimates. Without it (the default) instance statistics are used in both modes.</li>
 *   <li>Instance statistics need more than one spatial element.</li>
 * </ul>
 * Parameters weight and bias of shape (C) only when affine. Defaults
 * ({@link NormOptions#instanceNorm()}): eps 1e-5, momentum 0.1, affine false, tracking false.
 */
public class InstanceNorm extends Module {
    private final String name;
    private final int batchedRank;
    private final int numFeatures;
    private final NormOptions options;
    private final Var weight;
    private final Var bias;
    private final RunningStats running;

    /** An instance norm for batched inputs of rank {@code batchedRank} (or unbatched, one less). */
    protected InstanceNorm(String name, int numFeatures, NormOptions options, int batchedRank) {
        if (numFeatures < 1) throw new IllegalArgumentException(name + ": num_features must be positive, got " + numFeatures);
        this.name = name;
        this.batchedRank = batchedRank;
        this.numFeatures = numFeatures;
        this.options = options;
        this.weight = options.affine() ? registerParameter("weight", Tensor.ones(numFeatures)) : null;
        this.bias = options.affine() ? registerParameter("bias", Tensor.zeros(numFeatures)) : null;
        this.running = options.trackRunningStats() ? new RunningStats(numFeatures, options.momentum()) : null;
        if (running != null) running.register(this::registerBuffer);
    }

    @Override
    protected Var compute(Var x) {
        int[] shape = x.shape();
        if (shape.length != batchedRank && shape.length != batchedRank - 1) {
            throw new ShapeException(name + ": expected " + (batchedRank - 1) + "D (unbatched) or " + batchedRank + "D (batched) input, got "
                    + shape.length + "D input of shape " + Shape.str(shape));
        }
        boolean batched = shape.length == batchedRank;
        int n = batched ? shape[0] : 1, c = shape[batched ? 1 : 0];
        int s = Shape.numel(shape) / (n * c);
        if (c != numFeatures) {
            throw new ShapeException(name + ": expected input with " + numFeatures + " channels, got shape " + Shape.str(shape));
        }
        if (running != null && !isTraining()) {
            NormCore.Spec spec = new NormCore.Spec(NormLayout.perChannel(n, c, s), true, options.eps(), NormCore.AffineAxis.CHANNEL);
            return NormCore.normalizeWith(spec, running.asStats(), x, weight, bias);
        }
        if (s < 2) {
            throw new IllegalArgumentException(name + ": expected more than 1 spatial element when training, got input of shape "
                    + Shape.str(shape) + "; instance statistics need several values per channel");
        }
        NormCore.Spec spec = new NormCore.Spec(NormLayout.perSample(n, c, s, c), true, options.eps(), NormCore.AffineAxis.CHANNEL);
        NormCore.Result r = NormCore.normalize(spec, x, weight, bias);
        if (running != null) updateRunning(r.stats(), n, c);
        return r.output();
    }

    private void updateRunning(Stats st, int n, int c) {
        double[] inst = st.unbiasedVar();
        double[] mean = new double[c], var = new double[c];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                mean[ch] += st.mean(i * c + ch) / n;
                var[ch] += inst[i * c + ch] / n;
            }
        }
        running.update(mean, var);
    }

    /** The scale, or null without affine. */
    public Var weight() {
        return weight;
    }

    /** The shift, or null. */
    public Var bias() {
        return bias;
    }

    /** running_mean, or null without tracking. */
    public Tensor runningMean() {
        return running == null ? null : running.mean;
    }

    /** running_var, or null without tracking. */
    public Tensor runningVar() {
        return running == null ? null : running.var;
    }

    @Override
    protected String describe() {
        return numFeatures + ", " + options.describe();
    }
}
