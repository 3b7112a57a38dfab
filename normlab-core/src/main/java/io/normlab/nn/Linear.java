package io.normlab.nn;

import io.normlab.autograd.MatrixOps;
import io.normlab.autograd.Var;
import io.normlab.nn.init.Init;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/**
 * Fully connected layer {@code y = x W^T + b}, PyTorch's convention: W of shape (out, in), b of
 * shape (out); input (..., in), output (..., out). Default initialisation as PyTorch's:
 * W ~ U(-1/sqrt(in), 1/sqrt(in)) (kaiming_uniform with a = sqrt(5)) and b ~ U(-1/sqrt(in), 1/sqrt(in)),
 * weight drawn first ({@link Init#torchDefault}). Re-initialize with {@link ModelInit}.
 */
public final class Linear extends Module {
    private final int in;
    private final int out;
    private final Var weight;
    private final Var bias;

    /** Linear layer with bias and PyTorch's default initialisation drawn from {@code rng}. */
    public Linear(int in, int out, Rng rng) {
        this(in, out, true, rng);
    }

    public Linear(int in, int out, boolean bias, Rng rng) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("Linear: in and out must be positive, got in=" + in + ", out=" + out);
        this.in = in;
        this.out = out;
        this.weight = registerParameter("weight", Tensor.zeros(out, in));
        this.bias = bias ? registerParameter("bias", Tensor.zeros(out)) : null;
        Init.torchDefault(weight.value(), bias ? this.bias.value() : null, rng);
    }

    public Var weight() {
        return weight;
    }

    /** The bias, or null when the layer has none. */
    public Var bias() {
        return bias;
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    @Override
    protected Var compute(Var x) {
        return MatrixOps.linear(x, weight, bias);
    }

    @Override
    protected String describe() {
        return "in=" + in + ", out=" + out + (bias == null ? ", bias=false" : "");
    }
}
