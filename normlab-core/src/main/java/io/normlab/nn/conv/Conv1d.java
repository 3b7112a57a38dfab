package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.nn.init.Init;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/**
 * 1-D convolution over sequences, PyTorch's {@code nn.Conv1d}: input (N, C, L), output
 * (N, Cout, oL) with {@code oL = floor((L + 2p - d(k-1) - 1)/s) + 1}; parameters {@code weight}
 * (Cout, C/groups, k) and optional {@code bias} (Cout). Computed by {@link ConvOps#conv1d} (a 2-D
 * convolution of height 1). Initialisation as PyTorch's: weight and bias ~ U(+-1/sqrt(fan_in)),
 * {@code fan_in = C/groups * k} ({@link Init#torchDefault}).
 */
public final class Conv1d extends Module {
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final int groups;
    private final Var weight;
    private final Var bias;

    /** Stride, padding, with bias, dilation 1, one group. */
    public Conv1d(int in, int out, int kernel, int stride, int padding, Rng rng) {
        this(in, out, kernel, stride, padding, 1, 1, true, rng);
    }

    public Conv1d(int in, int out, int kernel, int stride, int padding, int dilation, int groups, boolean bias, Rng rng) {
        if (in < 1 || out < 1 || kernel < 1 || groups < 1 || in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("Conv1d: need positive channels and kernel, channels divisible by groups; got in="
                    + in + ", out=" + out + ", kernel=" + kernel + ", groups=" + groups);
        }
        new ConvSpec(1, stride, 0, padding, 1, dilation, groups); // validates stride, padding, dilation
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
        this.weight = registerParameter("weight", Tensor.zeros(out, in / groups, kernel));
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

    @Override
    protected Var compute(Var x) {
        return ConvOps.conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    @Override
    protected String describe() {
        return in + ", " + out + ", kernel=" + kernel + (stride != 1 ? ", stride=" + stride : "") + (padding != 0 ? ", padding=" + padding : "")
                + (dilation != 1 ? ", dilation=" + dilation : "") + (groups != 1 ? ", groups=" + groups : "") + (bias == null ? ", bias=false" : "");
    }
}
