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
                // Without NaN: the winner's index from 0/1 flags, with no branch (comparisons of random
                // data are unpredictable, and C2 compiles a float select as a branch: 5x slower). A later
                // element wins only when strictly greater; Math.max only decides between the two pairs,
                // where its -0/+0 choice cannot matter, and the value is read back at the index.
                int bWins = b > a ? 1 : 0, dWins = d > c ? 1 : 0;
                int cdWins = Math.max(c, d) > Math.max(a, b) ? 1 : 0;
                int at = i0 + bWins + cdWins * (w + dWins - bWins);
                float sum = a + b + c + d;
                if (sum != sum) at = firstNaNOrMax(a, b, c, d, i0, i2); // a NaN (or infinities of both signs)
                float best = x[xBase + at];
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
