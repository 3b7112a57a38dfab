package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void creation() {
        Tensor z = Tensor.zeros(2, 3);
        assertArrayEquals(new int[] {2, 3}, z.shape());
        assertArrayEquals(new float[6], z.data());
        assertArrayEquals(new float[] {1, 1}, Tensor.ones(2).data());
        assertArrayEquals(new float[] {7, 7, 7}, Tensor.full(7f, 3, 1).data());
        assertArrayEquals(new float[] {0, 1, 2, 3}, Tensor.arange(4).data());
        Tensor s = Tensor.scalar(5f);
        assertEquals(0, s.rank());
        assertEquals(1, s.numel());
        assertEquals(5f, s.item());
        assertEquals(5f, s.get());
        Tensor rows = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, rows.shape());
        assertEquals(6f, rows.get(1, 2));
        assertTrue(Tensor.zerosLike(rows).hasShape(2, 3));
        assertEquals(0, Tensor.zeros(3, 0).numel());
    }

    @Test
    void wrapSharesAndOfCopies() {
        float[] d = {1, 2, 3, 4};
        Tensor w = Tensor.wrap(d, 2, 2);
        Tensor o = Tensor.of(d, 4);
        d[0] = 9;
        assertEquals(9f, w.get(0, 0));
        assertEquals(1f, o.get(0));
        Tensor c = w.copy();
        c.set(-1f, 1, 1);
        assertEquals(4f, w.get(1, 1));
    }

    @Test
    void creationErrorsNameTheProblem() {
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.wrap(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("wrap") && e.getMessage().contains("[2, 3]"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Tensor.of(new float[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Tensor.zeros(2, -3));
        assertTrue(e.getMessage().contains("[2, -3]"), e.getMessage());
    }

    @Test
    void reshapeInfersMinusOneAndSharesData() {
        Tensor t = Tensor.arange(24).reshape(2, 3, 4);
        assertArrayEquals(new int[] {6, 4}, t.reshape(-1, 4).shape());
        assertArrayEquals(new int[] {2, 12}, t.reshape(2, -1).shape());
        assertArrayEquals(new int[] {24}, t.reshape(-1).shape());
        assertArrayEquals(new int[] {2, 3, 1, 4}, t.reshape(2, -1, 1, 4).shape());
        Tensor v = t.reshape(-1);
        v.data()[23] = 100f;
        assertEquals(100f, t.get(1, 2, 3));
        assertArrayEquals(new int[] {1, 1}, Tensor.scalar(2f).reshape(1, -1).shape());
        assertArrayEquals(new int[0], Tensor.ones(1, 1).reshape().shape());
        assertArrayEquals(new int[] {0, 5}, Tensor.zeros(0, 5).reshape(0, 5).shape());
    }

    @Test
    void reshapeErrorsNameReshape() {
        Tensor t = Tensor.zeros(2, 3, 4);
        for (int[] bad : new int[][] {{5, -1}, {-1, -1}, {7, 3}, {0, -1}, {4, -2, 3}}) {
            ShapeException e = assertThrows(ShapeException.class, () -> t.reshape(bad));
            assertTrue(e.getMessage().startsWith("reshape:"), e.getMessage());
        }
    }

    @Test
    void accessAndBoundsErrors() {
        Tensor t = Tensor.arange(6).reshape(2, 3);
        assertEquals(5f, t.get(1, 2));
        assertEquals(3, t.size(-1));
        assertEquals(2, t.size(0));
        assertThrows(ShapeException.class, () -> t.get(2, 0));
        assertThrows(ShapeException.class, () -> t.get(0, -1));
        assertThrows(ShapeException.class, () -> t.get(1));
        assertThrows(ShapeException.class, () -> t.size(2));
        ShapeException e = assertThrows(ShapeException.class, t::item);
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> t.copyFrom(Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"), e.getMessage());
        int[] s = t.shape();
        s[0] = 99;
        assertEquals(2, t.size(0), "shape() must return a copy");
    }

    @Test
    void copyFromAndFill() {
        Tensor t = Tensor.zeros(2, 2);
        t.copyFrom(Tensor.arange(4).reshape(2, 2));
        assertArrayEquals(new float[] {0, 1, 2, 3}, t.data());
        t.fill(-2f);
        assertArrayEquals(new float[] {-2, -2, -2, -2}, t.data());
    }

    @Test
    void allCloseTreatsNaNAndInfinityStrictly() {
        Tensor a = Tensor.of(new float[] {1f, 2f}, 2);
        assertTrue(a.allClose(Tensor.of(new float[] {1.0001f, 2f}, 2), 1e-3f, 0f));
        assertFalse(a.allClose(Tensor.of(new float[] {1.1f, 2f}, 2), 1e-3f, 1e-3f));
        assertFalse(a.allClose(Tensor.of(new float[] {1f, 2f}, 1, 2), 1f, 1f));
        assertFalse(a.allClose(Tensor.of(new float[] {1f, Float.NaN}, 2), 1f, 1f));
        assertFalse(a.allClose(Tensor.of(new float[] {1f, Float.POSITIVE_INFINITY}, 2), 1e-3f, 0f));
        assertFalse(Tensor.of(new float[] {Float.NEGATIVE_INFINITY}, 1).allClose(Tensor.of(new float[] {Float.POSITIVE_INFINITY}, 1), 1e-3f, 0f));
        assertFalse(Tensor.of(new float[] {Float.POSITIVE_INFINITY}, 1).allClose(Tensor.of(new float[] {3f}, 1), 1e-3f, 0f));
        assertTrue(Tensor.of(new float[] {Float.POSITIVE_INFINITY}, 1).allClose(Tensor.of(new float[] {Float.POSITIVE_INFINITY}, 1), 0f, 0f));
    }

    @Test
    void isFinite() {
        assertTrue(Tensor.ones(3).isFinite());
        assertFalse(Tensor.of(new float[] {1f, Float.NaN}, 2).isFinite());
        assertFalse(Tensor.of(new float[] {Float.NEGATIVE_INFINITY}, 1).isFinite());
    }

    @Test
    void randomCreationIsSeededAndInRange() {
        Tensor a = Tensor.randn(new Rng(5), 3, 4), b = Tensor.randn(new Rng(5), 3, 4);
        assertArrayEquals(a.data(), b.data());
        Tensor u = Tensor.uniform(new Rng(6), -2f, 3f, 1000);
        for (float v : u.data()) assertTrue(v >= -2f && v < 3f, "uniform value " + v);
        Tensor n = Tensor.randn(new Rng(7), 10f, 0f, 4);
        assertArrayEquals(new float[] {10, 10, 10, 10}, n.data());
    }

    @Test
    void toStringShowsShapeAndFirstValues() {
        String s = Tensor.arange(20).reshape(4, 5).toString();
        assertTrue(s.startsWith("Tensor[4, 5] [0.0, 1.0"), s);
        assertTrue(s.endsWith(", ...]"), s);
    }
}
