package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * Batch-Instance Normalization (Nam &amp; Kim 2018): a learned per-channel gate between the
 * BatchNorm and the InstanceNorm of the same input.
 * <pre>
 *   y = weight_c * (rho_c * BN(x) + (1 - rho_c) * IN(x)) + bias_c,    rho_c in [0, 1]
 * </pre>
 * <ul>
 *   <li>BN(x): statistics per channel over (N, trailing dims), as {@link BatchNorm} (biased
 *       variance to normalize, unbiased into running_var, {@code running = (1 - momentum) running
 *       + momentum batch}, running statistics in eval). IN(x): per (n, c) over the trailing dims,
 *       in both modes.</li>
 *   <li>Built on the core as {@code BN(x; weight*rho, bias) + IN(x; weight*(1-rho), 0)}; autograd
 *       carries the gradient into weight, bias and the gate.</li>
 *   <li>The gate (parameter {@code gate}, init 1: pure BN) is clipped to [0, 1] after each
 *       optimizer step, as in the paper: <b>the training loop must call {@link #clampGates()}
 *       (or {@link AfterStep#applyAll} on the model) after every optimizer step</b> (a no-op for
 *       values already inside).</li>
 * </ul>
 * Input (N, C, *) with more than one trailing element; output the same shape. Parameters weight,
 * bias (C) when affine, and gate (C); buffers running_mean, running_var, num_batches_tracked when
 * tracking. Defaults {@link NormOptions#batchNorm()}.
 */
public final class BatchInstanceNorm extends Module implements AfterStep {
    private final int numFeatures;
    private final NormOptions options;
    private final Var weight;
    private final Var bias;
    private final Var gate;
    private final RunningStats running;

    public BatchInstanceNorm(int numFeatures) {
        this(numFeatures, NormOptions.batchNorm());
    }

    public BatchInstanceNorm(int numFeatures, NormOptions options) {
        if (numFeatures < 1) throw new IllegalArgumentException("BatchInstanceNorm: num_features must be positive, got " + numFeatures);
        this.numFeatures = numFeatures;
        this.options = options;
        this.weight = options.affine() ? registerParameter("weight", Tensor.ones(numFeatures)) : null;
        this.bias = options.affine() ? registerParameter("bias", Tensor.zeros(numFeatures)) : null;
        this.gate = registerParameter("gate", Tensor.ones(numFeatures));
        this.running = options.trackRunningStats() ? new RunningStats(numFeatures, options.momentum()) : null;
        if (running != null) running.register(this::registerBuffer);
    }

    @Override
    protected Var compute(Var x) {
        int[] shape = x.shape();
        int[] ncs = NormLayout.ncs("BatchInstanceNorm", shape);
        int n = ncs[0], c = ncs[1], s = ncs[2];
        if (shape.length < 3 || c != numFeatures || s < 2) {
            throw new ShapeException("BatchInstanceNorm: expected input (N, " + numFeatures + ", *) with more than one element per (n, c), got "
                    + Shape.str(shape));
        }
        Var one = Var.of(Tensor.ones(c));
        Var gBn = weight == null ? gate : weight.mul(gate);
        Var gIn = weight == null ? one.sub(gate) : weight.mul(one.sub(gate));
        NormCore.Spec bnSpec = new NormCore.Spec(NormLayout.perChannel(n, c, s), true, options.eps(), NormCore.AffineAxis.CHANNEL);
        Var bn;
        if (running != null && !isTraining()) {
            bn = NormCore.normalizeWith(bnSpec, running.asStats(), x, gBn, bias);
        } else {
            NormCore.Result r = NormCore.normalize(bnSpec, x, gBn, bias);
            if (isTraining() && running != null) running.update(r.stats().means(), r.stats().unbiasedVar());
            bn = r.output();
        }
        NormCore.Spec inSpec = new NormCore.Spec(NormLayout.perSample(n, c, s, c), true, options.eps(), NormCore.AffineAxis.CHANNEL);
        return bn.add(NormCore.normalize(inSpec, x, gIn, null).output());
    }

    /** Clips every gate value into [0, 1], in place. Call after each optimizer step. */
    public void clampGates() {
        float[] g = gate.value().data();
        for (int i = 0; i < g.length; i++) g[i] = Math.min(1f, Math.max(0f, g[i]));
    }

    /** {@link #clampGates()}. */
    @Override
    public void afterStep() {
        clampGates();
    }

    /** The gate rho (parameter "gate"). */
    public Var gate() {
        return gate;
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
