package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;

/**
 * Root Mean Square Layer Normalization (Zhang &amp; Sennrich 2019), PyTorch's {@code nn.RMSNorm}.
 * <pre>
 *   y = x / sqrt(mean(x^2) + eps) * weight
 * </pre>
 * Statistics: the mean square per row over the last k dims ({@code normalizedShape}); no mean is
 * subtracted and there is no bias. Same in training and eval. {@code weight} (init 1) has shape
 * normalizedShape. eps: {@code null} means the machine epsilon of float32 (2^-23 =
 * 1.1920929e-7), as PyTorch's default. As a core setting: LayerNorm's grouping with
 * {@code centered = false}.
 */
public final class RMSNorm extends Module {
    private final int[] normalizedShape;
    private final float eps;
    private final Var weight;

    /** eps = float32 machine epsilon, with a learned weight. */
    public RMSNorm(int... normalizedShape) {
        this(normalizedShape, null, true);
    }

    /** {@code eps == null} selects float32's machine epsilon. */
    public RMSNorm(int[] normalizedShape, Float eps, boolean elementwiseAffine) {
        this.normalizedShape = LayerNorm.checkShape("RMSNorm", normalizedShape);
        this.eps = eps == null ? Math.ulp(1f) : eps;
        this.weight = elementwiseAffine ? registerParameter("weight", Tensor.ones(normalizedShape)) : null;
    }

    @Override
    protected Var compute(Var x) {
        NormLayout l = LayerNorm.rows("RMSNorm", x.shape(), normalizedShape);
        return NormCore.normalize(new NormCore.Spec(l, false, eps, NormCore.AffineAxis.ELEMENT), x, weight, null).output();
    }

    /** The scale, or null. */
    public Var weight() {
        return weight;
    }

    public float eps() {
        return eps;
    }

    @Override
    protected String describe() {
        return Shape.str(normalizedShape) + ", eps=" + eps + ", elementwise_affine=" + (weight != null);
    }
}
