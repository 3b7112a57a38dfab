package io.normlab.nn.norm;

import io.normlab.autograd.Arithmetic;
import io.normlab.autograd.Shaping;
import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * Switchable Normalization (Luo, Ren, Peng, Zhang &amp; Li 2019): a learned mix of the statistics
 * of InstanceNorm, LayerNorm and BatchNorm.
 * <pre>
 *   mean = sum_k softmax(mean_weight)_k mean_k,   var = sum_k softmax(var_weight)_k var_k,   k in (IN, LN, BN)
 *   y = (x - mean) / sqrt(var + eps) * weight_c + bias_c
 * </pre>
 * <ul>
 *   <li>Statistics: IN per (n, c) over the trailing dims; LN per n over (C, trailing dims); BN per
 *       c over (N, trailing dims); all biased variances, computed by the core's two-pass kernel
 *       ({@link Moments}) and mixed by autograd ops, so gradients reach x and both weight vectors.</li>
 *   <li>Separate learned logits for means and variances ({@code mean_weight}, {@code var_weight},
 *       3 values each, init 1: equal mix).</li>
 *   <li>The BN part keeps running estimates as {@link BatchNorm} does (unbiased variance,
 *       {@code running = (1 - momentum) running + momentum batch}); eval uses them for the BN part
 *       while the IN and LN parts stay per-sample.</li>
 * </ul>
 * Input (N, C, *) with at least one trailing dim of more than one element in total; output the
 * same shape. Parameters weight, bias (C) when affine; buffers running_mean, running_var,
 * num_batches_tracked when tracking. Defaults {@link NormOptions#batchNorm()}: eps 1e-5,
 * momentum 0.1 (the paper's code uses a moving average with 0.997 on the old value).
 */
public final class SwitchableNorm extends Module {
    private final int numFeatures;
    private final NormOptions options;
    private final Var weight;
    private final Var bias;
    private final Var meanWeight;
    private final Var varWeight;
    private final RunningStats running;

    public SwitchableNorm(int numFeatures) {
        this(numFeatures, NormOptions.batchNorm());
    }

    public SwitchableNorm(int numFeatures, NormOptions options) {
        if (numFeatures < 1) throw new IllegalArgumentException("SwitchableNorm: num_features must be positive, got " + numFeatures);
        this.numFeatures = numFeatures;
        this.options = options;
        this.weight = options.affine() ? registerParameter("weight", Tensor.ones(numFeatures)) : null;
        this.bias = options.affine() ? registerParameter("bias", Tensor.zeros(numFeatures)) : null;
        this.meanWeight = registerParameter("mean_weight", Tensor.ones(3));
        this.varWeight = registerParameter("var_weight", Tensor.ones(3));
        this.running = options.trackRunningStats() ? new RunningStats(numFeatures, options.momentum()) : null;
        if (running != null) running.register(this::registerBuffer);
    }

    @Override
    protected Var compute(Var x) {
        int[] shape = x.shape();
        int[] ncs = NormLayout.ncs("SwitchableNorm", shape);
        int n = ncs[0], c = ncs[1], s = ncs[2];
        if (shape.length < 3 || c != numFeatures || s < 2) {
            throw new ShapeException("SwitchableNorm: expected input (N, " + numFeatures + ", *) with more than one element per (n, c), got "
                    + Shape.str(shape));
        }
        Moments in = Moments.of(x, NormLayout.perSample(n, c, s, c));
        Moments ln = Moments.of(x, NormLayout.perSample(n, c, s, 1));
        Var bnMean, bnVar;
        if (running != null && !isTraining()) {
            bnMean = Var.of(running.mean);
            bnVar = Var.of(running.var);
        } else {
            if (n * s < 2) throw new IllegalArgumentException("SwitchableNorm: the BN part needs more than 1 value per channel when training, got " + Shape.str(shape));
            Moments bn = Moments.of(x, NormLayout.perChannel(n, c, s));
            bnMean = bn.mean();
            bnVar = bn.var();
            if (isTraining() && running != null) running.update(bn.stats().means(), bn.stats().unbiasedVar());
        }
        Var wm = softmax(meanWeight), wv = softmax(varWeight);
        Var mean = mix(wm, in.mean().reshape(n, c, 1), ln.mean().reshape(n, 1, 1), bnMean.reshape(1, c, 1));
        Var var = mix(wv, in.var().reshape(n, c, 1), ln.var().reshape(n, 1, 1), bnVar.reshape(1, c, 1));
        Var std = Arithmetic.sqrt(var.add(Var.of(Tensor.scalar(options.eps()))));
        Var y = x.reshape(n, c, s).sub(mean).div(std);
        if (weight != null) y = y.mul(weight.reshape(1, c, 1)).add(bias.reshape(1, c, 1));
        return y.reshape(shape);
    }

    private static Var mix(Var w, Var a, Var b, Var c) {
        return pick(w, 0).mul(a).add(pick(w, 1).mul(b)).add(pick(w, 2).mul(c));
    }

    private static Var pick(Var w, int k) {
        return Shaping.slice(w, 0, k, k + 1);
    }

    /** softmax(z) = exp(z - max) / sum(exp(z - max)); the max is a constant shift. */
    static Var softmax(Var z) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z.value().data()) max = Math.max(max, v);
        Var e = Arithmetic.exp(z.sub(Var.of(Tensor.scalar(max))));
        return e.div(e.sum());
    }

    /** The current mixing weights softmax(mean_weight) over (IN, LN, BN). */
    public float[] meanMix() {
        return softmax(meanWeight.detach()).value().data();
    }

    /** The current mixing weights softmax(var_weight) over (IN, LN, BN). */
    public float[] varMix() {
        return softmax(varWeight.detach()).value().data();
    }

    public Var meanWeight() {
        return meanWeight;
    }

    public Var varWeight() {
        return varWeight;
    }

    /** The scale, or null without affine. */
    public Var weight() {
        return weight;
    }

    /** The shift, or null. */
    public Var bias() {
        return bias;
    }

    /** running_mean of the BN part, or null. */
    public Tensor runningMean() {
        return running == null ? null : running.mean;
    }

    /** running_var of the BN part, or null. */
    public Tensor runningVar() {
        return running == null ? null : running.var;
    }

    @Override
    protected String describe() {
        return numFeatures + ", " + options.describe();
    }
}
