package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.normlab.io.GoldenAssert;
import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;

/** Assertions shared by the normalization tests. */
final class Checks {
    private Checks() {}

    /** Every element within {@code rel * max(|expected|, 1)} ({@link GoldenAssert}); shapes may differ in rank only. */
    static void close(String what, Tensor expected, Tensor actual, double rel) {
        assertEquals(expected.numel(), actual.numel(), what + ": element count (expected shape " + Shape.str(expected.shape())
                + ", got " + Shape.str(actual.shape()) + ")");
        GoldenAssert.assertClose(what, expected, actual.reshape(expected.shape()), rel);
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
