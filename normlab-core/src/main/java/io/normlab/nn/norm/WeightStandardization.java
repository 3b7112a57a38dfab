package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;

/**
 * Weight Standardization (Qiao, Wang, Liu, Shen &amp; Yuille 2019) of a convolution weight, as a
 * differentiable op a conv layer applies to its weight before convolving:
 * <pre>
 *   w_hat_o = (w_o - mean(w_o)) / sqrt(var(w_o) + eps)
 * </pre>
 * Statistics per output filter o over (in/groups, kH, kW) (any trailing dims); biased variance,
 * eps inside the square root (as timm's StdConv2d; the paper's code adds eps to the standard
 * deviation instead). Weight shape (out, in/groups, kH, kW), or any rank at least 2; the result
 * has the same shape. On the core: LayerNorm's grouping per filter without affine, with the
 * fused backward through the statistics. Default eps 1e-5.
 */
public final class WeightStandardization {
    /** Default eps. */
    public static final float DEFAULT_EPS = 1e-5f;

    private WeightStandardization() {}

    /** Standardizes each filter with {@link #DEFAULT_EPS}. */
    public static Var apply(Var weight) {
        return apply(weight, DEFAULT_EPS);
    }

    /** Standardizes each output filter: zero mean, unit (biased) variance. */
    public static Var apply(Var weight, float eps) {
        int[] s = weight.shape();
        if (s.length < 2) throw new ShapeException("weightStandardization: expected a weight of rank >= 2 (out, in, ...), got " + Shape.str(s));
        NormLayout l = NormLayout.perSample(s[0], 1, Shape.numel(s) / s[0], 1);
        return NormCore.normalize(new NormCore.Spec(l, true, eps, NormCore.AffineAxis.ELEMENT), weight, null, null).output();
    }
}
