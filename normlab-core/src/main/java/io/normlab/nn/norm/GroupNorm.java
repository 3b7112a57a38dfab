package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * Group Normalization (Wu &amp; He 2018), PyTorch's semantics.
 * <pre>
 *   y = (x - mean_(n,g)) / sqrt(var_(n,g) + eps) * weight_c + bias_c
 * </pre>
 * Statistics: per sample n and group g of C/G consecutive channels, over those channels and all
 * trailing dims ((C/G)*H*W values); biased variance. Input (N, C, *), output the same shape.
 * Same in training and eval; no running statistics, so batch size 1 is fine. Affine per channel:
 * {@code weight} (init 1) and {@code bias} (init 0) of shape (C). Defaults: eps 1e-5, affine.
 * GroupNorm(1, C) is LayerNorm over (C, *) with per-channel affine; GroupNorm(C, C) is
 * InstanceNorm with affine. C must be divisible by G.
 */
public final class GroupNorm extends Module {
    private final int groups;
    private final int channels;
    private final float eps;
    private final Var weight;
    private final Var bias;

    /** eps 1e-5, affine. */
    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5f, true);
    }

    public GroupNorm(int numGroups, int numChannels, float eps, boolean affine) {
        if (numGroups < 1 || numChannels < 1) {
            throw new IllegalArgumentException("GroupNorm: num_groups and num_channels must be positive, got " + numGroups + " and " + numChannels);
        }
        if (numChannels % numGroups != 0) {
            throw new IllegalArgumentException("GroupNorm: num_channels (" + numChannels + ") must be divisible by num_groups (" + numGroups + ")");
        }
        this.groups = numGroups;
        this.channels = numChannels;
        this.eps = eps;
        this.weight = affine ? registerParameter("weight", Tensor.ones(numChannels)) : null;
        this.bias = affine ? registerParameter("bias", Tensor.zeros(numChannels)) : null;
    }

    @Override
    protected Var compute(Var x) {
        int[] ncs = NormLayout.ncs("GroupNorm", x.shape());
        if (ncs[1] != channels) {
            throw new ShapeException("GroupNorm: expected input with " + channels + " channels (dim 1), got shape " + Shape.str(x.shape()));
        }
        NormLayout l = NormLayout.perSample(ncs[0], ncs[1], ncs[2], groups);
        return NormCore.normalize(new NormCore.Spec(l, true, eps, NormCore.AffineAxis.CHANNEL), x, weight, bias).output();
    }

    /** The scale, or null without affine. */
    public Var weight() {
        return weight;
    }

    /** The shift, or null. */
    public Var bias() {
        return bias;
    }

    @Override
    protected String describe() {
        return groups + ", " + channels + ", eps=" + eps + ", affine=" + (weight != null);
    }
}
