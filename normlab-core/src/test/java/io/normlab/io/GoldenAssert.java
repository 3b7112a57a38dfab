package io.normlab.io;

import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;
import java.util.Arrays;

/**
 * Element-wise comparison for golden parity tests: element i passes when
 * {@code |actual_i - expected_i| <= rtol * max(|expected_i|, 1)} (relative for large values,
 * absolute below 1); NaN never passes. The failure names the case, the element's multi-index, both
 * values and the count of failing elements.
 */
public final class GoldenAssert {
    private GoldenAssert() {}

    public static void assertClose(String what, Tensor expected, Tensor actual, double rtol) {
        if (!expected.sameShape(actual)) {
            throw new AssertionError(what + ": shape " + Shape.str(actual.shape()) + ", expected " + Shape.str(expected.shape()));
        }
        float[] e = expected.data(), a = actual.data();
        int bad = 0, first = -1;
        for (int i = 0; i < e.length; i++) {
            double tol = rtol * Math.max(Math.abs(e[i]), 1.0);
            if (!(Math.abs((double) a[i] - e[i]) <= tol)) {
                if (first < 0) first = i;
                bad++;
            }
        }
        if (bad > 0) {
            throw new AssertionError(what + ": " + bad + " of " + e.length + " elements differ beyond " + rtol
                    + " relative; first at " + Arrays.toString(index(first, expected.shape())) + ": got " + a[first]
                    + ", expected " + e[first]);
        }
    }

    private static int[] index(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }
}
