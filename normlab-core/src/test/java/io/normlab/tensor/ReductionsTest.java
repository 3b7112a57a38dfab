package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReductionsTest {
    private enum Kind { SUM, MEAN, MAX, VAR_BIASED, VAR_UNBIASED }

    /** Reference reduction in double: groups input elements by their output index. */
    private static double[] naive(Tensor t, Kind kind, int... axes) {
        int[] s = t.shape();
        boolean[] red = new boolean[s.length];
        if (axes.length == 0) Arrays.fill(red, true);
        for (int a : axes) red[Math.floorMod(a, s.length)] = true;
        int[] kept = s.clone();
        for (int d = 0; d < s.length; d++) if (red[d]) kept[d] = 1;
        int nOut = Shape.numel(kept);
        double[] sum = new double[nOut], max = new double[nOut];
        int[] count = new int[nOut];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < t.numel(); i++) {
            int o = Naive.broadcastSource(Naive.unravel(i, s), kept);
            sum[o] += t.data()[i];
            max[o] = Math.max(max[o], t.data()[i]);
            count[o]++;
        }
        double[] out = new double[nOut];
        for (int o = 0; o < nOut; o++) {
            double mean = sum[o] / count[o];
            switch (kind) {
                case SUM: out[o] = sum[o]; break;
                case MEAN: out[o] = mean; break;
                case MAX: out[o] = max[o]; break;
                default: out[o] = 0;
            }
        }
        if (kind == Kind.VAR_BIASED || kind == Kind.VAR_UNBIASED) {
            double[] mean = new double[nOut];
            for (int o = 0; o < nOut; o++) mean[o] = sum[o] / count[o];
            for (int i = 0; i < t.numel(); i++) {
                int o = Naive.broadcastSource(Naive.unravel(i, s), kept);
                double d = t.data()[i] - mean[o];
                out[o] += d * d;
            }
            for (int o = 0; o < nOut; o++) out[o] /= kind == Kind.VAR_BIASED ? count[o] : count[o] - 1;
        }
        return out;
    }

    private static int[] expectedShape(int[] s, boolean keepDim, int... axes) {
        boolean[] red = new boolean[s.length];
        if (axes.length == 0) Arrays.fill(red, true);
        for (int a : axes) red[Math.floorMod(a, s.length)] = true;
        return java.util.stream.IntStream.range(0, s.length).filter(d -> keepDim || !red[d]).map(d -> red[d] ? 1 : s[d]).toArray();
    }

    private static Tensor run(Tensor t, Kind kind, boolean keepDim, int... axes) {
        switch (kind) {
            case SUM: return Reductions.sum(t, keepDim, axes);
            case MEAN: return Reductions.mean(t, keepDim, axes);
            case MAX: return Reductions.max(t, keepDim, axes);
            case VAR_BIASED: return Reductions.var(t, false, keepDim, axes);
            default: return Reductions.var(t, true, keepDim, axes);
        }
    }

    private static final int[][] AXES = {{}, {0}, {1}, {2}, {-1}, {-3}, {0, 2}, {2, 0}, {-1, 1}, {0, 1, 2}};

    @Test
    void reductionsMatchTheDoubleReferenceOverAxes() {
        Tensor t = Tensor.randn(new Rng(4), 3, 5, 7);
        for (Kind kind : Kind.values()) {
            for (int[] axes : AXES) {
                double[] ref = naive(t, kind, axes);
                for (boolean keepDim : new boolean[] {true, false}) {
                    Tensor y = run(t, kind, keepDim, axes);
                    String what = kind + " axes " + Arrays.toString(axes) + " keepDim " + keepDim;
                    assertArrayEquals(expectedShape(t.shape(), keepDim, axes), y.shape(), what);
                    for (int i = 0; i < ref.length; i++) {
                        assertEquals(ref[i], y.data()[i], 1e-6 * Math.max(1, Math.abs(ref[i])), what + " at " + i);
                    }
                }
            }
        }
    }

    @Test
    void reductionsOfRankZeroAndSizeOneDims() {
        Tensor s = Tensor.scalar(3f);
        assertEquals(3f, Reductions.sum(s, false).item());
        assertEquals(0, Reductions.mean(s, true).rank());
        assertEquals(3f, Reductions.max(s, false).item());
        assertEquals(0f, Reductions.var(s, false, false).item());
        Tensor t = Tensor.of(new float[] {1, 2, 3}, 1, 3, 1);
        assertArrayEquals(new int[] {3}, Reductions.sum(t, false, 0, 2).shape());
        assertArrayEquals(new float[] {1, 2, 3}, Reductions.sum(t, false, 0, 2).data());
        assertEquals(6f, t.sum().item());
        assertEquals(0, t.sum().rank());
    }

    @Test
    void maxOfNegativesAndNaN() {
        Tensor t = Tensor.of(new float[] {-5, -2, -9, Float.NaN, -1, -3}, 2, 3);
        Tensor m = Reductions.max(t, false, 1);
        assertEquals(-2f, m.data()[0]);
        assertTrue(Float.isNaN(m.data()[1]), "NaN propagates");
        Tensor n = Tensor.of(new float[] {Float.NaN, 1f, -1f}, 3);
        assertTrue(Float.isNaN(Reductions.max(n, false).item()), "NaN first propagates");
    }

    @Test
    void varUnbiasedOfOneElementIsNaN() {
        assertTrue(Float.isNaN(Reductions.var(Tensor.ones(4, 1), true, false, 1).data()[0]));
    }

    /** Two-pass variance with double accumulators: an offset must not cost accuracy (E[x^2]-E[x]^2 would). */
    @Test
    void varIsStableUnderLargeOffsets() {
        for (float offset : new float[] {1e4f, 1e6f}) {
            Tensor t = Tensor.randn(new Rng(8), offset, 1f, 4, 1000);
            for (boolean unbiased : new boolean[] {false, true}) {
                double[] ref = naive(t, unbiased ? Kind.VAR_UNBIASED : Kind.VAR_BIASED, 1);
                Tensor v = Reductions.var(t, unbiased, false, 1);
                for (int i = 0; i < ref.length; i++) {
                    assertEquals(ref[i], v.data()[i], 1e-5 * ref[i], "offset " + offset + " unbiased " + unbiased + " row " + i);
                }
            }
        }
    }

    @Test
    void axisErrorsNameTheOp() {
        Tensor t = Tensor.zeros(2, 3);
        ShapeException e = assertThrows(ShapeException.class, () -> Reductions.sum(t, false, 2));
        assertEquals("sum: axis 2 out of range for rank 2", e.getMessage());
        e = assertThrows(ShapeException.class, () -> Reductions.mean(t, false, 0, -2));
        assertEquals("mean: axis -2 given twice", e.getMessage());
        e = assertThrows(ShapeException.class, () -> Reductions.var(t, false, false, -3));
        assertTrue(e.getMessage().startsWith("var:"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Reductions.max(Tensor.scalar(1f), false, 0));
        assertTrue(e.getMessage().startsWith("max:"), e.getMessage());
    }

    @Test
    void sumToShapeUndoesBroadcasting() {
        Rng rng = new Rng(5);
        int[][] targets = {{3, 1}, {1, 4}, {4}, {}, {2, 1, 4}, {1, 1, 1}, {2, 3, 4}, {1, 3, 1}};
        Tensor t = Tensor.randn(rng, 2, 3, 4);
        for (int[] target : targets) {
            Tensor y = Reductions.sumToShape(t, target);
            assertArrayEquals(target, y.shape());
            double[] ref = new double[Shape.numel(target)];
            for (int i = 0; i < t.numel(); i++) ref[Naive.broadcastSource(Naive.unravel(i, t.shape()), target)] += t.data()[i];
            for (int i = 0; i < ref.length; i++) assertEquals(ref[i], y.data()[i], 1e-5, Shape.str(target) + " at " + i);
        }
        assertSame(t, Reductions.sumToShape(t, new int[] {2, 3, 4}));
    }

    @Test
    void sumToShapeErrorsNameBothShapes() {
        Tensor t = Tensor.zeros(2, 3);
        ShapeException e = assertThrows(ShapeException.class, () -> Reductions.sumToShape(t, new int[] {2}));
        assertEquals("sumToShape: not a broadcast of the target: [2, 3] and [2]", e.getMessage());
        e = assertThrows(ShapeException.class, () -> Reductions.sumToShape(t, new int[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[1, 2, 3]"), e.getMessage());
    }
}
