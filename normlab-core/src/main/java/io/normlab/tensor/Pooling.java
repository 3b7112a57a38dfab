package io.normlab.tensor;

/**
 * 2-D pooling kernels over a stack of planes (N*C planes of H x W, row-major), PyTorch semantics.
 * The window geometry is an {@link Im2col.Geometry} whose {@code channels} is the plane count;
 * output size per axis {@code floor((H + 2p - d(k-1) - 1) / s) + 1} (no ceil mode).
 *
 * <ul>
 *   <li>Max: padding never wins (it acts as -infinity); the first maximum in window scan order
 *       (row by row) is taken and NaN propagates. The index of the winner inside its plane is
 *       recorded, and the backward adds dy to that element.</li>
 *   <li>Average: with {@code countIncludePad} (PyTorch's default) the divisor is the window's
 *       size clipped to the padded input, {@code (min(h0+k, H+p) - h0) * (...)}; otherwise the
 *       number of real input elements in the window.</li>
 *   <li>Adaptive average to (oH, oW): output row o averages input rows
 *       {@code [floor(o*H/oH), ceil((o+1)*H/oH))}, likewise for columns.</li>
 * </ul>
 * Planes are processed in parallel ({@link Parallel#forRange}); each plane by one thread, so results
 * do not depend on the thread count. Backward methods accumulate ({@code +=}) into {@code dx}.
 */
public final class Pooling {
    private static final int GRAIN_ELEMENTS = 1 << 15;

    private Pooling() {}

    private static int grain(int planeSize) {
        return Math.max(1, GRAIN_ELEMENTS / Math.max(1, planeSize));
    }

    /** Max pooling forward: fills {@code y} (planes, oH, oW) and {@code argmax} (index in the input plane). */
    public static void maxForward(Im2col.Geometry g, float[] x, float[] y, int[] argmax) {
        int h = g.height(), w = g.width(), oH = g.outH(), oW = g.outW();
        if (g.kernelH() == 2 && g.kernelW() == 2 && g.strideH() == 2 && g.strideW() == 2 && g.padH() == 0 && g.padW() == 0
                && g.dilationH() == 1 && g.dilationW() == 1) {
            Parallel.forRange(g.channels(), grain(h * w), (chunk, lo, hi) -> {
                for (int p = lo; p < hi; p++) MaxPool2x2.plane(x, p * h * w, w, oH, oW, y, argmax, p * oH * oW);
            });
            return;
        }
        Parallel.forRange(g.channels(), grain(h * w), (chunk, lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int xBase = p * h * w, yBase = p * oH * oW;
                for (int oh = 0; oh < oH; oh++) {
                    for (int ow = 0; ow < oW; ow++) {
                        float best = Float.NEGATIVE_INFINITY;
                        int at = -1;
                        for (int i = 0; i < g.kernelH(); i++) {
                            int ih = oh * g.strideH() - g.padH() + i * g.dilationH();
                            if (ih < 0 || ih >= h) continue;
                            for (int j = 0; j < g.kernelW(); j++) {
                                int iw = ow * g.strideW() - g.padW() + j * g.dilationW();
                                if (iw < 0 || iw >= w) continue;
                                float v = x[xBase + ih * w + iw];
                                if (v > best || Float.isNaN(v) || at < 0) {
                                    best = v;
                                    at = ih * w + iw;
                                    if (Float.isNaN(v)) break;
                                }
                            }
                            if (Float.isNaN(best)) break;
                        }
                        y[yBase + oh * oW + ow] = best;
                        argmax[yBase + oh * oW + ow] = at;
                    }
                }
            }
        });
    }

    /** Max pooling backward: {@code dx[argmax] += dy}. */
    public static void maxBackward(Im2col.Geometry g, float[] dy, int[] argmax, float[] dx) {
        int hw = g.height() * g.width(), ohw = g.outH() * g.outW();
        Parallel.forRange(g.channels(), grain(hw), (chunk, lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                for (int o = p * ohw, end = o + ohw; o < end; o++) {
                    if (argmax[o] >= 0) dx[p * hw + argmax[o]] += dy[o];
                }
            }
        });
    }

    /** Average pooling forward into {@code y} (planes, oH, oW). */
    public static void avgForward(Im2col.Geometry g, boolean countIncludePad, float[] x, float[] y) {
        int h = g.height(), w = g.width(), oH = g.outH(), oW = g.outW();
        Parallel.forRange(g.channels(), grain(h * w), (chunk, lo, hi) -> {
            int[] win = new int[5];
            for (int p = lo; p < hi; p++) {
                int xBase = p * h * w;
                for (int oh = 0; oh < oH; oh++) {
                    for (int ow = 0; ow < oW; ow++) {
                        window(g, countIncludePad, oh, ow, win);
                        double s = 0;
                        for (int ih = win[0]; ih < win[1]; ih++) {
                            for (int iw = win[2]; iw < win[3]; iw++) s += x[xBase + ih * w + iw];
                        }
                        y[(p * oH + oh) * oW + ow] = (float) (s / win[4]);
                    }
                }
            }
        });
    }

    /** Average pooling backward: each input in a window receives {@code dy / divisor}. */
    public static void avgBackward(Im2col.Geometry g, boolean countIncludePad, float[] dy, float[] dx) {
        int h = g.height(), w = g.width(), oH = g.outH(), oW = g.outW();
        Parallel.forRange(g.channels(), grain(h * w), (chunk, lo, hi) -> {
            int[] win = new int[5];
            for (int p = lo; p < hi; p++) {
                int xBase = p * h * w;
                for (int oh = 0; oh < oH; oh++) {
                    for (int ow = 0; ow < oW; ow++) {
                        window(g, countIncludePad, oh, ow, win);
                        float share = dy[(p * oH + oh) * oW + ow] / win[4];
                        for (int ih = win[0]; ih < win[1]; ih++) {
                            for (int iw = win[2]; iw < win[3]; iw++) dx[xBase + ih * w + iw] += share;
                        }
                    }
                }
            }
        });
    }

    /** Window of output (oh, ow) clipped to the input: {h0, h1, w0, w1, divisor}. */
    private static void window(Im2col.Geometry g, boolean countIncludePad, int oh, int ow, int[] win) {
        int h0 = oh * g.strideH() - g.padH(), w0 = ow * g.strideW() - g.padW();
        int h1 = Math.min(h0 + g.kernelH(), g.height() + g.padH()), w1 = Math.min(w0 + g.kernelW(), g.width() + g.padW());
        int padded = (h1 - h0) * (w1 - w0);
        h0 = Math.max(h0, 0);
        w0 = Math.max(w0, 0);
        h1 = Math.min(h1, g.height());
        w1 = Math.min(w1, g.width());
        win[0] = h0;
        win[1] = h1;
        win[2] = w0;
        win[3] = w1;
        win[4] = countIncludePad ? padded : Math.max(1, (h1 - h0) * (w1 - w0));
    }

    /** Adaptive average pooling of {@code planes} planes of h x w down to oH x oW. */
    public static void adaptiveAvgForward(int planes, int h, int w, int oH, int oW, float[] x, float[] y) {
        Parallel.forRange(planes, grain(h * w), (chunk, lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                for (int oh = 0; oh < oH; oh++) {
                    int h0 = start(oh, h, oH), h1 = end(oh, h, oH);
                    for (int ow = 0; ow < oW; ow++) {
                        int w0 = start(ow, w, oW), w1 = end(ow, w, oW);
                        double s = 0;
                        for (int ih = h0; ih < h1; ih++) {
                            for (int iw = w0; iw < w1; iw++) s += x[(p * h + ih) * w + iw];
                        }
                        y[(p * oH + oh) * oW + ow] = (float) (s / ((h1 - h0) * (w1 - w0)));
                    }
                }
            }
        });
    }

    /** Adaptive average pooling backward ({@code +=} into dx). */
    public static void adaptiveAvgBackward(int planes, int h, int w, int oH, int oW, float[] dy, float[] dx) {
        Parallel.forRange(planes, grain(h * w), (chunk, lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                for (int oh = 0; oh < oH; oh++) {
                    int h0 = start(oh, h, oH), h1 = end(oh, h, oH);
                    for (int ow = 0; ow < oW; ow++) {
                        int w0 = start(ow, w, oW), w1 = end(ow, w, oW);
                        float share = dy[(p * oH + oh) * oW + ow] / ((h1 - h0) * (w1 - w0));
                        for (int ih = h0; ih < h1; ih++) {
                            for (int iw = w0; iw < w1; iw++) dx[(p * h + ih) * w + iw] += share;
                        }
                    }
                }
            }
        });
    }

    private static int start(int o, int in, int out) {
        return (int) ((long) o * in / out);
    }

    private static int end(int o, int in, int out) {
        return (int) (((long) (o + 1) * in + out - 1) / out);
    }
}
