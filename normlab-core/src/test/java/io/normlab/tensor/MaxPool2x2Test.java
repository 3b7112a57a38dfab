package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The branch-free 2x2 max pooling against the plain scan: ties, signed zeros, infinities and NaN. */
class MaxPool2x2Test {
    @Test
    void matchesTheRowByRowScan() {
        Rng rng = new Rng(9);
        int planes = 7, h = 10, w = 12, oH = 5, oW = 6;
        float[] pool = {0f, -0f, 1f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2.5f};
        float[] x = new float[planes * h * w];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(3) == 0 ? (float) rng.nextGaussian() : pool[rng.nextInt(pool.length)];
        float[] y = new float[planes * oH * oW];
        int[] at = new int[y.length];
        Pooling.maxForward(new Im2col.Geometry(planes, h, w, 2, 2, 2, 2, 0, 0, 1, 1), x, y, at);
        for (int p = 0; p < planes; p++) {
            for (int oh = 0; oh < oH; oh++) {
                for (int ow = 0; ow < oW; ow++) {
                    int best = -1;
                    for (int i = 0; i < 2 && (best < 0 || !Float.isNaN(x[p * h * w + best])); i++) {
                        for (int j = 0; j < 2; j++) {
                            int k = (2 * oh + i) * w + 2 * ow + j;
                            float v = x[p * h * w + k];
                            if (best < 0 || v > x[p * h * w + best] || Float.isNaN(v)) best = k;
                            if (Float.isNaN(v)) break;
                        }
                    }
                    int o = (p * oH + oh) * oW + ow;
                    assertEquals(best, at[o], "argmax of plane " + p + " window " + oh + "," + ow);
                    assertEquals(Float.floatToRawIntBits(x[p * h * w + best]), Float.floatToRawIntBits(y[o]), "value");
                }
            }
        }
    }
}
