package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.Arrays;

/**
 * Layer Normalization (Ba, Kiros &amp; Hinton 2016), PyTorch's semantics.
 * <pre>
 *   y = (x - mean) / sqrt(var + eps) * weight + bias
 * </pre>
 * Statistics: per row over the last k dims, the {@code normalizedShape} (D = their product
 * values); input (*, normalizedShape), output the same shape. The variance is the biased one
 * (divides by D). Same computation in training and eval; no running statistics. Elementwise
 * affine: {@code weight} (init 1) and {@code bias} (init 0) of shape normalizedShape, one value
 * per normalized element. Defaults: eps 1e-5, elementwise affine, with bias. As a core setting:
 * {@code NormLayout.perSample(rows, 1, D, 1)} with {@link NormCore.AffineAxis#ELEMENT}.
 */
public final class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final float eps;
    private final Var weight;
    private final Var bias;

    /** PyTorch's defaults: eps 1e-5, elementwise affine with bias. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5f, true, true);
    }

    public LayerNorm(int[] normalizedShape, float eps, boolean elementwiseAffine, boolean bias) {
        this.normalizedShape = checkShape("LayerNorm", normalizedShape);
        this.eps = eps;
        this.weight = elementwiseAffine ? registerParameter("weight", Tensor.ones(normalizedShape)) : null;
        this.bias = elementwiseAffine && bias ? registerParameter("bias", Tensor.zeros(normalizedShape)) : null;
    }

    static int[] checkShape(String op, int[] normalizedShape) {
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(op + ": normalized shape must be non-empty with positive dims, got " + Shape.str(normalizedShape));
        }
        return normalizedShape.clone();
    }

    /** The core setting for an input of {@code shape} normalized over its trailing {@code normalizedShape}. */
    static NormLayout rows(String op, int[] shape, int[] normalizedShape) {
        int k = normalizedShape.length;
        if (shape.length < k || !Arrays.equals(Arrays.copyOfRange(shape, shape.length - k, shape.length), normalizedShape)) {
            throw new ShapeException(op + ": expected input with trailing shape " + Shape.str(normalizedShape) + ", got " + Shape.str(shape));
        }
        int d = Shape.numel(normalizedShape);
        return NormLayout.perSample(Shape.numel(shape) / d, 1, d, 1);
    }

    @Override
    protected Var compute(Var x) {
        NormLayout l = rows("LayerNorm", x.shape(), normalizedShape);
        return NormCore.normalize(new NormCore.Spec(l, true, eps, NormCore.AffineAxis.ELEMENT), x, weight, bias).output();
    }

    /** The scale, or null without elementwise affine. */
    public Var weight() {
        return weight;
    }

    /** The shift, or null. */
    public Var bias() {
        return bias;
    }

    @Override
    protected String describe() {
        return Shape.str(normalizedShape) + ", eps=" + eps + ", elementwise_affine=" + (weight != null) + ", bias=" + (bias != null);
    }
}
