package io.normlab.tensor;

/**
 * The im2col / col2im kernels that turn a 2-D convolution into a matrix product.
 *
 * <p>For one image x of shape (C, H, W) and a {@link Geometry} with kernel (kH, kW), stride s,
 * padding p and dilation d, {@link #im2col} writes the column matrix {@code col} of shape
 * (C*kH*kW, oH*oW), row {@code (c*kH + i)*kW + j}, column {@code oh*oW + ow}:
 * <pre>
 *   col[(c, i, j), (oh, ow)] = x[c, oh*sH - pH + i*dH, ow*sW - pW + j*dW]   (0 outside the image)
 * </pre>
 * so a convolution with weight W of shape (Cout, C*kH*kW) is {@code y = W @ col}. Rows of one
 * channel are contiguous, so the rows of a channel group are a contiguous block of {@code col}.
 * {@link #col2im} is the adjoint: it scatters a column matrix back and accumulates ({@code +=})
 * into an image, which is the input gradient given {@code dcol = W^T @ dy}. Output size per axis:
 * {@code floor((H + 2p - d(k-1) - 1) / s) + 1} (PyTorch's rule). Single-threaded: callers
 * parallelize over images. With stride 1 and an output as wide as the input (the common
 * "same" convolution) the rows of one (c, i, j) are a single shifted run of the image, copied
 * (or added) as one block ({@link SameWidth}).
 */
public final class Im2col {
    private Im2col() {}

    /**
     * Sliding-window geometry over a stack of {@code channels} planes of {@code height x width},
     * shared by convolution and pooling.
     */
    public record Geometry(int channels, int height, int width, int kernelH, int kernelW,
                           int strideH, int strideW, int padH, int padW, int dilationH, int dilationW) {
        public Geometry {
            if (channels < 1 || height < 1 || width < 1 || kernelH < 1 || kernelW < 1) {
                throw new ShapeException("im2col: channels, height, width and kernel must be positive, got channels=" + channels
                        + ", input " + height + "x" + width + ", kernel " + kernelH + "x" + kernelW);
            }
            if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1 || padH < 0 || padW < 0) {
                throw new IllegalArgumentException("im2col: stride and dilation must be >= 1 and padding >= 0, got stride "
                        + strideH + "x" + strideW + ", padding " + padH + "x" + padW + ", dilation " + dilationH + "x" + dilationW);
            }
            if (outSize(height, kernelH, strideH, padH, dilationH) < 1 || outSize(width, kernelW, strideW, padW, dilationW) < 1) {
                throw new ShapeException("im2col: kernel " + kernelH + "x" + kernelW + " (dilation " + dilationH + "x" + dilationW
                        + ") larger than the padded input " + (height + 2 * padH) + "x" + (width + 2 * padW));
            }
        }

        /** Output height {@code floor((H + 2pH - dH(kH-1) - 1) / sH) + 1}. */
        public int outH() {
            return outSize(height, kernelH, strideH, padH, dilationH);
        }

        /** Output width {@code floor((W + 2pW - dW(kW-1) - 1) / sW) + 1}. */
        public int outW() {
            return outSize(width, kernelW, strideW, padW, dilationW);
        }

        /** Rows of the column matrix: {@code channels * kH * kW}. */
        public int colRows() {
            return channels * kernelH * kernelW;
        }

        /** Columns of the column matrix: {@code oH * oW}. */
        public int colCols() {
            return outH() * outW();
        }

        private static int outSize(int in, int k, int s, int p, int d) {
            int span = in + 2 * p - d * (k - 1) - 1;
            return span < 0 ? 0 : span / s + 1;
        }
    }

    /** Writes the column matrix of the image at {@code x[xOff ...]} into {@code col[colOff ...]}. */
    public static void im2col(Geometry g, float[] x, int xOff, float[] col, int colOff) {
        if (SameWidth.applies(g)) {
            SameWidth.im2col(g, x, xOff, col, colOff);
            return;
        }
        int oH = g.outH(), oW = g.outW(), hw = g.height * g.width;
        int row = 0;
        for (int c = 0; c < g.channels; c++) {
            for (int i = 0; i < g.kernelH; i++) {
                for (int j = 0; j < g.kernelW; j++, row++) {
                    int shift = j * g.dilationW - g.padW;
                    int lo = validLo(shift, g.strideW, oW), hi = validHi(shift, g.strideW, g.width, oW);
                    int base = colOff + row * oH * oW;
                    for (int oh = 0; oh < oH; oh++) {
                        int ih = oh * g.strideH - g.padH + i * g.dilationH;
                        int dst = base + oh * oW;
                        if (ih < 0 || ih >= g.height || lo >= hi) {
                            java.util.Arrays.fill(col, dst, dst + oW, 0f);
                            continue;
                        }
                        java.util.Arrays.fill(col, dst, dst + lo, 0f);
                        java.util.Arrays.fill(col, dst + hi, dst + oW, 0f);
                        int src = xOff + c * hw + ih * g.width + shift;
                        if (g.strideW == 1) {
                            System.arraycopy(x, src + lo, col, dst + lo, hi - lo);
                        } else {
                            for (int ow = lo; ow < hi; ow++) col[dst + ow] = x[src + ow * g.strideW];
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds the column matrix at {@code col[colOff ...]} back into the image at {@code x[xOff ...]}
     * ({@code +=}). {@code col} is scratch: its entries that fall into the padding may be zeroed.
     */
    public static void col2im(Geometry g, float[] col, int colOff, float[] x, int xOff) {
        if (SameWidth.applies(g)) {
            SameWidth.col2im(g, col, colOff, x, xOff);
            return;
        }
        int oH = g.outH(), oW = g.outW(), hw = g.height * g.width;
        int row = 0;
        for (int c = 0; c < g.channels; c++) {
            for (int i = 0; i < g.kernelH; i++) {
                for (int j = 0; j < g.kernelW; j++, row++) {
                    int shift = j * g.dilationW - g.padW;
                    int lo = validLo(shift, g.strideW, oW), hi = validHi(shift, g.strideW, g.width, oW);
                    int base = colOff + row * oH * oW;
                    for (int oh = 0; oh < oH; oh++) {
                        int ih = oh * g.strideH - g.padH + i * g.dilationH;
                        if (ih < 0 || ih >= g.height) continue;
                        int src = base + oh * oW;
                        int dst = xOff + c * hw + ih * g.width + shift;
                        for (int ow = lo; ow < hi; ow++) x[dst + ow * g.strideW] += col[src + ow];
                    }
                }
            }
        }
    }

    /** First output column whose input column {@code ow*s + shift} is >= 0. */
    private static int validLo(int shift, int s, int oW) {
        return shift >= 0 ? 0 : Math.min(oW, (-shift + s - 1) / s);
    }

    /** One past the last output column whose input column {@code ow*s + shift} is < width. */
    private static int validHi(int shift, int s, int width, int oW) {
        int last = width - 1 - shift;
        return last < 0 ? 0 : Math.min(oW, last / s + 1);
    }
}
