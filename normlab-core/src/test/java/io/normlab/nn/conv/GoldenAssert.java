package io.normlab.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;

/** Comparison with PyTorch golden values, shared by the conv and rnn tests. */
public final class GoldenAssert {
    private GoldenAssert() {}

    /**
     * Every element within {@code rtol * (|expected| + max|expected|)}: relative to the element and
     * to the tensor's scale, so an element that cancels to near zero is judged on the tensor's scale.
     */
    public static void close(String what, Tensor expected, Tensor actual, double rtol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = expected.data(), a = actual.data();
        double scale = 0;
        for (float v : e) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < e.length; i++) {
            double err = Math.abs((double) a[i] - e[i]);
            if (!(err <= rtol * (Math.abs(e[i]) + scale))) {
                throw new AssertionError(String.format("%s %s: element %d expected %.8g got %.8g (error %.3g, rtol %.1g, scale %.3g)",
                        what, Shape.str(expected.shape()), i, e[i], a[i], err, rtol, scale));
            }
        }
    }
}
