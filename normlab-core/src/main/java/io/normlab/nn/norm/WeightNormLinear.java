package io.normlab.nn.norm;

import io.normlab.autograd.GradMode;
import io.normlab.autograd.MatrixOps;
import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/**
 * A Linear layer with weight normalization (Salimans &amp; Kingma 2016): {@code y = x W^T + b}
 * with {@code W_o = weight_g_o * weight_v_o / ||weight_v_o||} ({@link WeightNorm}), the
 * parametrization of {@code torch.nn.utils.weight_norm(nn.Linear(in, out))}.
 * Parameters (PyTorch's names and shapes): {@code bias} (out), {@code weight_g} (out, 1),
 * {@code weight_v} (out, in). Initialisation: weight_v as Linear's default
 * (U(-1/sqrt(in), 1/sqrt(in))), weight_g = ||weight_v_o||, so W starts equal to weight_v;
 * bias U(-1/sqrt(in), 1/sqrt(in)). Input (..., in), output (..., out).
 */
public final class WeightNormLinear extends Module {
    private final int in;
    private final int out;
    private final Var bias;
    private final Var g;
    private final Var v;

    public WeightNormLinear(int in, int out, Rng rng) {
        this(in, out, true, rng);
    }

    public WeightNormLinear(int in, int out, boolean bias, Rng rng) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("WeightNormLinear: in and out must be positive, got in=" + in + ", out=" + out);
        this.in = in;
        this.out = out;
        float bound = (float) (1.0 / Math.sqrt(in));
        Tensor v0 = Tensor.uniform(rng, -bound, bound, out, in);
        Tensor b0 = bias ? Tensor.uniform(rng, -bound, bound, out) : null;
        this.bias = bias ? registerParameter("bias", b0) : null;
        Tensor g0 = Tensor.zeros(out, 1);
        for (int o = 0; o < out; o++) g0.data()[o] = (float) Math.sqrt(Accum.sumSqDev(v0.data(), o * in, in, 0.0));
        this.g = registerParameter("weight_g", g0);
        this.v = registerParameter("weight_v", v0);
    }

    @Override
    protected Var compute(Var x) {
        return MatrixOps.linear(x, WeightNorm.apply(v, g), bias);
    }

    /** The effective weight g v / ||v|| (a new tensor, no gradient). */
    public Tensor weight() {
        try (GradMode scope = GradMode.noGrad()) {
            return WeightNorm.apply(v, g).value();
        }
    }

    public Var weightG() {
        return g;
    }

    public Var weightV() {
        return v;
    }

    /** The bias, or null. */
    public Var bias() {
        return bias;
    }

    @Override
    protected String describe() {
        return "in=" + in + ", out=" + out + (bias == null ? ", bias=false" : "");
    }
}
