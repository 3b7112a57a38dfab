package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summing loops of {@link NormLoops} (plain Java and the active implementation) against sums
 * in double, on runs of awkward lengths (shorter than a vector, vector tails, across the float
 * block boundary at 4096) at awkward offsets, for data offset by 1e4 with unit noise.
 */
class NormLoopsTest {
    private static final int[] LENGTHS = {1, 7, 15, 16, 17, 31, 33, 100, 513, 4095, 4096, 4097, 9001};

    private static List<NormLoops> implementations() {
        return List.of(NormLoops.plain(), NormLoops.current());
    }

    @Test
    void shiftedSumsMatchDoubleSums() {
        Rng rng = new Rng(5);
        for (NormLoops loops : implementations()) {
            for (int len : LENGTHS) {
                for (float offset : new float[] {0f, 1e4f}) {
                    int off = 3;
                    float[] x = Tensor.randn(rng, offset, 1f, len + 5).data();
                    float shift = offset + 0.25f;
                    double s = 0, q = 0;
                    for (int i = off; i < off + len; i++) {
                        double e = (double) x[i] - shift;
                        s += e;
                        q += e * e;
                    }
                    double[] out = {1.5, -2.0};
                    loops.shiftedSums(x, off, len, shift, out);
                    String what = loops.getClass().getSimpleName() + " len " + len + " offset " + offset;
                    assertEquals(1.5 + s, out[0], 1e-5 * Math.sqrt(len) * 4 + 1e-6, what + ": sum");
                    assertEquals(-2.0 + q, out[1], 1e-6 * q + 1e-6, what + ": sum of squares");
                }
            }
        }
    }

    @Test
    void deviationSumsMatchDoubleSums() {
        Rng rng = new Rng(6);
        for (NormLoops loops : implementations()) {
            for (int len : LENGTHS) {
                float[] x = Tensor.randn(rng, 1e4f, 1f, len + 2).data(), dy = Tensor.randn(rng, len + 2).data();
                float hi = 1e4f, lo = 1e-4f;
                double s = 0, q = 0, a = 0, b = 0;
                for (int i = 2; i < len + 2; i++) {
                    double d = (x[i] - hi) - (double) lo;
                    s += d;
                    q += d * d;
                    a += dy[i];
                    b += dy[i] * d;
                }
                String what = loops.getClass().getSimpleName() + " len " + len;
                assertEquals(s, loops.sumDev(x, 2, len, hi, lo), 1e-5 * Math.sqrt(len) * 4 + 1e-6, what + ": sumDev");
                assertEquals(q, loops.sumSqDev(x, 2, len, hi, lo), 1e-6 * q + 1e-6, what + ": sumSqDev");
                double[] out = new double[2];
                loops.dySums(dy, x, 2, len, hi, lo, out);
                assertEquals(a, out[0], 1e-5 * Math.sqrt(len) * 4 + 1e-6, what + ": sum dy");
                assertEquals(b, out[1], 1e-5 * Math.sqrt(len) * 4 + 1e-6, what + ": sum dy d");
            }
        }
    }
}
