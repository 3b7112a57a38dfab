package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.nn.Identity;
import io.normlab.nn.Module;
import io.normlab.nn.Sequential;
import io.normlab.tensor.Rng;
import java.util.function.IntFunction;

/**
 * The ResNet basic block (He et al. 2016, "Deep Residual Learning for Image Recognition"), with the
 * normalization layer a parameter:
 * <pre>
 *   y = relu( norm2(conv2(relu(norm1(conv1(x))))) + shortcut(x) )
 * </pre>
 * conv1 is 3x3 with the block's stride, conv2 3x3 with stride 1, both padding 1. The shortcut is the
 * identity when stride is 1 and channels do not change, else a 1x1 convolution with the stride
 * followed by a norm ("projection", ResNet option B). Input (N, in, H, W), output
 * (N, out, oH, oW) with {@code oH = floor((H - 1)/stride) + 1}.
 *
 * <p>{@code norm} maps a channel count to a normalization module (BatchNorm2d, GroupNorm, ...);
 * null, a factory returning null, or one returning {@link Identity} means no normalization. Layer
 * normalization of a feature map (statistics over C, H, W per sample) is {@code c -> new GroupNorm(1, c)}. Convolutions have no bias when a
 * norm follows them (its shift makes one redundant) and a bias otherwise. State-dict names follow
 * torchvision: {@code conv1, bn1, conv2, bn2, downsample.0, downsample.1}, whatever the norm.
 */
public final class BasicBlock extends Module {
    private final int in;
    private final int out;
    private final int stride;
    private final Conv2d conv1;
    private final Module bn1;
    private final Conv2d conv2;
    private final Module bn2;
    private final Module downsample;

    public BasicBlock(int in, int out, int stride, IntFunction<Module> norm, Rng rng) {
        this.in = in;
        this.out = out;
        this.stride = stride;
        Module probe = norm == null ? null : norm.apply(out);
        boolean bias = probe == null || probe instanceof Identity;
        this.conv1 = registerModule("conv1", new Conv2d(in, out, 3, ConvSpec.of(stride, 1), bias, rng));
        this.bn1 = bias ? null : registerModule("bn1", probe);
        this.conv2 = registerModule("conv2", new Conv2d(out, out, 3, ConvSpec.of(1, 1), bias, rng));
        this.bn2 = bias ? null : registerModule("bn2", norm.apply(out));
        if (stride != 1 || in != out) {
            Conv2d proj = new Conv2d(in, out, 1, ConvSpec.of(stride, 0), bias, rng);
            this.downsample = registerModule("downsample", bias ? new Sequential(proj) : new Sequential(proj, norm.apply(out)));
        } else {
            this.downsample = null;
        }
    }

    /** True when the shortcut is a 1x1 projection rather than the identity. */
    public boolean hasProjection() {
        return downsample != null;
    }

    @Override
    protected Var compute(Var x) {
        Var h = conv1.forward(x);
        if (bn1 != null) h = bn1.forward(h);
        h = conv2.forward(h.relu());
        if (bn2 != null) h = bn2.forward(h);
        Var shortcut = downsample == null ? x : downsample.forward(x);
        return h.add(shortcut).relu();
    }

    @Override
    protected String describe() {
        return in + ", " + out + (stride != 1 ? ", stride=" + stride : "");
    }
}
