package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;

/** Assertions shared by the normalization tests. */
final class Checks {
    private Checks() {}

    /** Every element within {@code rel * max(|expected|, 1)}; names the first bad element. */
    static void close(String what, Tensor expected, Tensor actual, double rel) {
        assertEquals(expected.numel(), actual.numel(), what + ": element count (expected shape " + Shape.str(expected.shape())
                + ", got " + Shape.str(actual.shape()) + ")");
        float[] e = expected.data(), a = actual.data();
        for (int i = 0; i < e.length; i++) {
            double tol = rel * Math.max(Math.abs(e[i]), 1.0);
            if (!(Math.abs(a[i] - e[i]) <= tol)) {
                fail(String.format("%s: element %d: expected %.8g, got %.8g (|diff| %.3g > %.3g)", what, i, e[i], a[i], Math.abs(a[i] - e[i]), tol));
            }
        }
    }

    /** Bitwise equality. */
    static void identical(String what, Tensor expected, Tensor actual) {
        float[] e = expected.data(), a = actual.data();
        assertEquals(e.length, a.length, what + ": element count");
        for (int i = 0; i < e.length; i++) {
            if (Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(a[i])) {
                fail(what + ": element " + i + " differs: " + e[i] + " vs " + a[i]);
            }
        }
    }
}
