package io.normlab.tensor;

/**
 * The common case of {@link Pooling#maxForward}: a 2x2 window, stride 2, no padding, without the
 * general loop's per-element bounds tests and without unpredictable branches. Same result: the
 * window is scanned row by row, the first maximum wins, and the first NaN wins.
 */
final class MaxPool2x2 {
    private MaxPool2x2() {}

    /** One plane of the input at {@code x[xBase...]} (row length w) into {@code oH x oW} outputs at {@code yBase}. */
    static void plane(float[] x, int xBase, int w, int oH, int oW, float[] y, int[] argmax, int yBase) {
        for (int oh = 0; oh < oH; oh++) {
            int top = 2 * oh * w, o = yBase + oh * oW;
            for (int ow = 0; ow < oW; ow++) {
                int i0 = top + 2 * ow, i2 = i0 + w;
                float a = x[xBase + i0], b = x[xBase + i0 + 1], c = x[xBase + i2], d = x[xBase + i2 + 1];
                // No NaN: pairwise, without branches (comparisons of random data are unpredictable);
                // a later element wins only when strictly greater.
                boolean bWins = b > a, dWins = d > c;
                float ab = bWins ? b : a, cd = dWins ? d : c;
                boolean cdWins = cd > ab;
                int at = cdWins ? (dWins ? i2 + 1 : i2) : (bWins ? i0 + 1 : i0);
                float best = cdWins ? cd : ab;
                if (best + a + b + c + d != best + a + b + c + d) { // a NaN somewhere (or infinities of both signs)
                    at = firstNaNOrMax(a, b, c, d, i0, i2);
                    best = x[xBase + at];
                }
                y[o + ow] = best;
                argmax[o + ow] = at;
            }
        }
    }

    /** The scan with a NaN in the window (or infinities of both signs): the first NaN wins. */
    private static int firstNaNOrMax(float a, float b, float c, float d, int i0, int i2) {
        float[] v = {a, b, c, d};
        int[] at = {i0, i0 + 1, i2, i2 + 1};
        int k = 0;
        for (int j = 1; j < 4 && !Float.isNaN(v[k]); j++) {
            if (v[j] > v[k] || Float.isNaN(v[j])) k = j;
        }
        return at[k];
    }
}
