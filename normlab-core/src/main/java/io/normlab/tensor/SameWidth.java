package io.normlab.tensor;

import java.util.Arrays;

/**
 * {@link Im2col} when both strides are 1 and the output is as wide as the input (W = oW, e.g. a
 * 3x3 kernel with padding 1). Then for one (c, i, j) the valid rows of the column matrix,
 * {@code oh in [oh0, oh1)}, read the image rows {@code oh + i*dH - pH} shifted by
 * {@code shift = j*dW - pW} columns, and since both have row length W they form one contiguous
 * run in each array: one block copy (or one vector add) per (c, i, j), after which the
 * {@code |shift|} columns per row that fall into the padding are zeroed.
 */
final class SameWidth {
    private SameWidth() {}

    static boolean applies(Im2col.Geometry g) {
        return g.strideH() == 1 && g.strideW() == 1 && g.outW() == g.width();
    }

    static void im2col(Im2col.Geometry g, float[] x, int xOff, float[] col, int colOff) {
        int w = g.width(), oH = g.outH(), ohw = oH * w, hw = g.height() * w;
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, row++) {
                    int rise = i * g.dilationH() - g.padH(), shift = j * g.dilationW() - g.padW();
                    int oh0 = Math.max(0, -rise), oh1 = Math.max(oh0, Math.min(oH, g.height() - rise));
                    int base = colOff + row * ohw;
                    Arrays.fill(col, base, base + oh0 * w, 0f);
                    Arrays.fill(col, base + oh1 * w, base + ohw, 0f);
                    if (oh1 == oh0) continue;
                    int t0 = oh0 * w + Math.max(0, -shift), t1 = oh1 * w - Math.max(0, shift);
                    if (t1 > t0) System.arraycopy(x, xOff + c * hw + rise * w + shift + t0, col, base + t0, t1 - t0);
                    zeroPadding(col, base, w, oh0, oh1, shift);
                }
            }
        }
    }

    static void col2im(Im2col.Geometry g, float[] col, int colOff, float[] x, int xOff) {
        int w = g.width(), oH = g.outH(), ohw = oH * w, hw = g.height() * w;
        MathLoops loops = MathLoops.current();
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, row++) {
                    int rise = i * g.dilationH() - g.padH(), shift = j * g.dilationW() - g.padW();
                    int oh0 = Math.max(0, -rise), oh1 = Math.max(oh0, Math.min(oH, g.height() - rise));
                    if (oh1 == oh0) continue;
                    int base = colOff + row * ohw;
                    // The padding columns would land on the neighbouring row's edge: zero them, then add the block.
                    zeroPadding(col, base, w, oh0, oh1, shift);
                    int t0 = oh0 * w + Math.max(0, -shift), t1 = oh1 * w - Math.max(0, shift);
                    if (t1 > t0) loops.accumulate(col, base + t0, x, xOff + c * hw + rise * w + shift + t0, t1 - t0);
                }
            }
        }
    }

    /** Zeroes, in rows [oh0, oh1) of the block at {@code base}, the columns whose image column {@code ow + shift} is outside [0, w). */
    private static void zeroPadding(float[] col, int base, int w, int oh0, int oh1, int shift) {
        int lo = Math.min(w, Math.max(0, -shift)), hi = Math.max(0, Math.min(w, w - shift));
        for (int oh = oh0; oh < oh1; oh++) {
            int r = base + oh * w;
            for (int ow = 0; ow < lo; ow++) col[r + ow] = 0f;
            for (int ow = hi; ow < w; ow++) col[r + ow] = 0f;
        }
    }
}
