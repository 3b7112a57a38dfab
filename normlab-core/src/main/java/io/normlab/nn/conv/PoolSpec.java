package io.normlab.nn.conv;

/**
 * Window of a 2-D pooling: kernel, stride and padding per axis (height, width). PyTorch's default
 * stride is the kernel size; padding (at most half the kernel, as PyTorch requires) defaults to 0.
 * Output size per axis {@code floor((H + 2p - k) / s) + 1} (PyTorch's {@code ceil_mode=False}).
 */
public record PoolSpec(int kernelH, int kernelW, int strideH, int strideW, int padH, int padW) {
    public PoolSpec {
        if (kernelH < 1 || kernelW < 1) throw new IllegalArgumentException("pool: kernel must be >= 1, got " + kernelH + "x" + kernelW);
        if (strideH < 1 || strideW < 1) throw new IllegalArgumentException("pool: stride must be >= 1, got " + strideH + "x" + strideW);
        if (padH < 0 || padW < 0 || padH > kernelH / 2 || padW > kernelW / 2) {
            throw new IllegalArgumentException("pool: padding should be at most half the kernel, got padding " + padH + "x" + padW
                    + " for kernel " + kernelH + "x" + kernelW);
        }
    }

    /** Square kernel {@code k}, stride {@code k}, no padding. */
    public static PoolSpec of(int k) {
        return new PoolSpec(k, k, k, k, 0, 0);
    }

    /** Square kernel, the same stride and padding on both axes. */
    public static PoolSpec of(int kernel, int stride, int padding) {
        return new PoolSpec(kernel, kernel, stride, stride, padding, padding);
    }

    String describe() {
        return "kernel=" + pair(kernelH, kernelW) + ", stride=" + pair(strideH, strideW)
                + (padH != 0 || padW != 0 ? ", padding=" + pair(padH, padW) : "");
    }

    private static String pair(int a, int b) {
        return a == b ? Integer.toString(a) : "(" + a + ", " + b + ")";
    }
}
