package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.nn.init.Init;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/**
 * 2-D convolution layer, PyTorch's {@code nn.Conv2d}: input (N, C, H, W), output (N, Cout, oH, oW),
 * parameters {@code weight} (Cout, C/groups, kH, kW) and optional {@code bias} (Cout). Stride,
 * padding, dilation and groups come from a {@link ConvSpec}; the math is {@link ConvOps#conv2d}.
 *
 * <p>Default initialisation as PyTorch's: weight ~ kaiming_uniform(a = sqrt(5)), which is
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with {@code fan_in = C/groups * kH * kW}, and bias ~ the same
 * U(+-1/sqrt(fan_in)); weight drawn first, then bias, from {@code rng} ({@link Init#torchDefault}).
 */
public final class Conv2d extends Module {
    private final int in;
    private final int out;
    private final int kernelH;
    private final int kernelW;
    private final ConvSpec spec;
    private final Var weight;
    private final Var bias;

    /** Square kernel with stride, padding, bias, dilation 1, one group. */
    public Conv2d(int in, int out, int kernel, int stride, int padding, Rng rng) {
        this(in, out, kernel, kernel, ConvSpec.of(stride, padding), true, rng);
    }

    /** Square kernel with the given spec. */
    public Conv2d(int in, int out, int kernel, ConvSpec spec, boolean bias, Rng rng) {
        this(in, out, kernel, kernel, spec, bias, rng);
    }

    public Conv2d(int in, int out, int kernelH, int kernelW, ConvSpec spec, boolean bias, Rng rng) {
        if (in < 1 || out < 1 || kernelH < 1 || kernelW < 1) {
            throw new IllegalArgumentException("Conv2d: channels and kernel must be positive, got in=" + in + ", out=" + out
                    + ", kernel=" + kernelH + "x" + kernelW);
        }
        if (in % spec.groups() != 0 || out % spec.groups() != 0) {
            throw new IllegalArgumentException("Conv2d: in_channels " + in + " and out_channels " + out
                    + " must be divisible by groups " + spec.groups());
        }
        this.in = in;
        this.out = out;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
        this.spec = spec;
        this.weight = registerParameter("weight", Tensor.zeros(out, in / spec.groups(), kernelH, kernelW));
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

    public ConvSpec spec() {
        return spec;
    }

    public int inChannels() {
        return in;
    }

    public int outChannels() {
        return out;
    }

    @Override
    protected Var compute(Var x) {
        return ConvOps.conv2d(x, weight, bias, spec);
    }

    @Override
    protected String describe() {
        String k = kernelH == kernelW ? Integer.toString(kernelH) : "(" + kernelH + ", " + kernelW + ")";
        return in + ", " + out + ", kernel=" + k + spec.describe() + (bias == null ? ", bias=false" : "");
    }
}
