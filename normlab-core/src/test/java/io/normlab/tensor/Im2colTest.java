package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * im2col against its defining formula and col2im as its adjoint ({@code <im2col(x), c> = <x, col2im(c)>}),
 * for geometries that take the block path (stride 1, output as wide as the input: 3x3 pad 1,
 * 5x5 pad 2 on a narrow image, dilation 2, a 1x3 row kernel) and ones that do not.
 */
class Im2colTest {
    private static final Im2col.Geometry[] GEOMETRIES = {
        new Im2col.Geometry(3, 7, 6, 3, 3, 1, 1, 1, 1, 1, 1),
        new Im2col.Geometry(2, 5, 3, 5, 5, 1, 1, 2, 2, 1, 1),
        new Im2col.Geometry(2, 9, 8, 3, 3, 1, 1, 2, 2, 2, 2),
        new Im2col.Geometry(4, 4, 5, 1, 3, 1, 1, 0, 1, 1, 1),
        new Im2col.Geometry(2, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1),
        new Im2col.Geometry(3, 7, 6, 3, 3, 2, 2, 1, 1, 1, 1),
        new Im2col.Geometry(2, 6, 6, 3, 3, 1, 1, 0, 0, 1, 1),
    };

    @Test
    void im2colFollowsTheFormulaAndCol2imIsItsAdjoint() {
        Rng rng = new Rng(13);
        for (Im2col.Geometry g : GEOMETRIES) {
            int hw = g.height() * g.width(), oH = g.outH(), oW = g.outW();
            float[] x = Tensor.randn(rng, 2 + g.channels() * hw).data();
            float[] col = Tensor.randn(rng, 1 + g.colRows() * g.colCols()).data(); // garbage to overwrite
            Im2col.im2col(g, x, 2, col, 1);
            for (int c = 0, row = 0; c < g.channels(); c++) {
                for (int i = 0; i < g.kernelH(); i++) {
                    for (int j = 0; j < g.kernelW(); j++, row++) {
                        for (int oh = 0; oh < oH; oh++) {
                            for (int ow = 0; ow < oW; ow++) {
                                int ih = oh * g.strideH() - g.padH() + i * g.dilationH(), iw = ow * g.strideW() - g.padW() + j * g.dilationW();
                                float want = ih < 0 || ih >= g.height() || iw < 0 || iw >= g.width() ? 0f : x[2 + c * hw + ih * g.width() + iw];
                                assertEquals(want, col[1 + row * oH * oW + oh * oW + ow], 0f, g + " row " + row + " at " + oh + "," + ow);
                            }
                        }
                    }
                }
            }
            float[] c = Tensor.randn(rng, g.colRows() * g.colCols()).data(), xs = Tensor.randn(rng, g.channels() * hw).data();
            float[] cols = new float[c.length];
            Im2col.im2col(g, xs, 0, cols, 0);
            double lhs = 0, rhs = 0, scale = 0;
            for (int k = 0; k < c.length; k++) {
                lhs += (double) cols[k] * c[k];
                scale += Math.abs((double) cols[k] * c[k]);
            }
            float[] back = new float[xs.length];
            Im2col.col2im(g, c.clone(), 0, back, 0);
            for (int k = 0; k < xs.length; k++) rhs += (double) xs[k] * back[k];
            assertEquals(lhs, rhs, 1e-5 * scale, g + ": <im2col(x), c> = <x, col2im(c)>");
        }
    }
}
