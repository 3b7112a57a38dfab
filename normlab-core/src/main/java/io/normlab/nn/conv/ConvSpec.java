package io.normlab.nn.conv;

/**
 * Settings of a 2-D convolution besides its kernel: stride, zero padding and dilation per axis
 * (height, width) and the number of channel groups. PyTorch's defaults: stride 1, padding 0,
 * dilation 1, groups 1. Output size per axis: {@code floor((H + 2p - d(k-1) - 1) / s) + 1}.
 *
 * <p>With {@code groups = g} the input channels are split into g groups of C/g and the output
 * channels into g groups of Cout/g; output group i sees only input group i (C and Cout must both be
 * divisible by g). {@code groups = C} with {@code Cout = m*C} is a depthwise convolution.
 *
 * <pre>{@code ConvSpec.of(2, 1).dilation(2).groups(4)}</pre>
 */
public record ConvSpec(int strideH, int strideW, int padH, int padW, int dilationH, int dilationW, int groups) {
    /** Stride 1, padding 0, dilation 1, one group. */
    public static final ConvSpec DEFAULT = new ConvSpec(1, 1, 0, 0, 1, 1, 1);

    public ConvSpec {
        if (strideH < 1 || strideW < 1) throw new IllegalArgumentException("conv: stride must be >= 1, got " + strideH + "x" + strideW);
        if (padH < 0 || padW < 0) throw new IllegalArgumentException("conv: padding must be >= 0, got " + padH + "x" + padW);
        if (dilationH < 1 || dilationW < 1) throw new IllegalArgumentException("conv: dilation must be >= 1, got " + dilationH + "x" + dilationW);
        if (groups < 1) throw new IllegalArgumentException("conv: groups must be >= 1, got " + groups);
    }

    /** The same stride and padding on both axes, dilation 1, one group. */
    public static ConvSpec of(int stride, int padding) {
        return new ConvSpec(stride, stride, padding, padding, 1, 1, 1);
    }

    /** This spec with stride {@code (sh, sw)}. */
    public ConvSpec stride(int sh, int sw) {
        return new ConvSpec(sh, sw, padH, padW, dilationH, dilationW, groups);
    }

    /** This spec with padding {@code (ph, pw)}. */
    public ConvSpec padding(int ph, int pw) {
        return new ConvSpec(strideH, strideW, ph, pw, dilationH, dilationW, groups);
    }

    /** This spec with dilation {@code d} on both axes. */
    public ConvSpec dilation(int d) {
        return dilation(d, d);
    }

    /** This spec with dilation {@code (dh, dw)}. */
    public ConvSpec dilation(int dh, int dw) {
        return new ConvSpec(strideH, strideW, padH, padW, dh, dw, groups);
    }

    /** This spec with {@code g} channel groups. */
    public ConvSpec groups(int g) {
        return new ConvSpec(strideH, strideW, padH, padW, dilationH, dilationW, g);
    }

    /** Short form for {@code describe()}: settings that differ from the default. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        if (strideH != 1 || strideW != 1) sb.append(", stride=").append(pair(strideH, strideW));
        if (padH != 0 || padW != 0) sb.append(", padding=").append(pair(padH, padW));
        if (dilationH != 1 || dilationW != 1) sb.append(", dilation=").append(pair(dilationH, dilationW));
        if (groups != 1) sb.append(", groups=").append(groups);
        return sb.toString();
    }

    private static String pair(int a, int b) {
        return a == b ? Integer.toString(a) : "(" + a + ", " + b + ")";
    }
}
