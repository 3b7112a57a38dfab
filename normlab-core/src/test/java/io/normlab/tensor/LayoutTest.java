package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LayoutTest {
    private static final Tensor T = Tensor.randn(new Rng(31), 2, 3, 4, 5);

    @Test
    void permuteMatchesTheIndexDefinition() {
        int[][] orders = {{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 3, 0, 2}, {0, 2, 3, 1}, {-1, 0, -3, 2}, {0, 1, 3, 2}};
        for (int[] order : orders) {
            Tensor y = Layout.permute(T, order);
            int[] s = T.shape();
            for (int i = 0; i < y.numel(); i++) {
                int[] out = Naive.unravel(i, y.shape());
                int[] in = new int[4];
                for (int d = 0; d < 4; d++) in[Math.floorMod(order[d], 4)] = out[d];
                assertEquals(T.get(in), y.data()[i], 0f, java.util.Arrays.toString(order) + " at " + i);
            }
            for (int d = 0; d < 4; d++) assertEquals(s[Math.floorMod(order[d], 4)], y.size(d));
        }
        assertEquals(7f, Layout.permute(Tensor.scalar(7f)).item());
    }

    @Test
    void transposeSwapsTwoDimsAndIsItsOwnInverse() {
        Tensor y = Layout.transpose(T, 1, -1);
        assertArrayEquals(new int[] {2, 5, 4, 3}, y.shape());
        assertEquals(T.get(1, 2, 3, 4), y.get(1, 4, 3, 2));
        assertArrayEquals(T.data(), Layout.transpose(y, -1, 1).data());
        Tensor m = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, m.transpose(0, 1).data());
    }

    @Test
    void transposeMatrixTilesMatchTheDefinitionAtEdges() {
        for (int[] rc : new int[][] {{37, 21}, {16, 16}, {1, 50}, {50, 1}, {33, 17}}) {
            int rows = rc[0], cols = rc[1];
            Tensor a = Tensor.randn(new Rng(rows * 100 + cols), rows, cols);
            float[] dst = new float[rows * cols + 3];
            Layout.transposeMatrix(a.data(), 0, rows, cols, dst, 3);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) assertEquals(a.get(i, j), dst[3 + j * rows + i], 0f, rows + "x" + cols + " at " + i + "," + j);
            }
            assertArrayEquals(new float[] {0f, 0f, 0f}, java.util.Arrays.copyOf(dst, 3));
        }
    }

    @Test
    void permuteErrors() {
        ShapeException e = assertThrows(ShapeException.class, () -> Layout.permute(T, 0, 1, 2));
        assertTrue(e.getMessage().startsWith("permute:") && e.getMessage().contains("[2, 3, 4, 5]"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Layout.permute(T, 0, 1, 1, 3));
        assertTrue(e.getMessage().startsWith("permute: axis repeated"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Layout.permute(T, 0, 1, 2, -2));
        assertTrue(e.getMessage().startsWith("permute: axis repeated"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Layout.transpose(T, 0, 4));
        assertTrue(e.getMessage().startsWith("transpose:"), e.getMessage());
    }

    @Test
    void sliceAlongEachDim() {
        for (int dim = -4; dim < 4; dim++) {
            int d = Math.floorMod(dim, 4), size = T.size(d);
            Tensor y = Layout.slice(T, dim, 1, size);
            assertEquals(size - 1, y.size(d));
            for (int i = 0; i < y.numel(); i++) {
                int[] idx = Naive.unravel(i, y.shape());
                idx[d] += 1;
                assertEquals(T.get(idx), y.data()[i], 0f, "dim " + dim + " at " + i);
            }
        }
        assertEquals(0, Layout.slice(T, 2, 2, 2).numel());
        ShapeException e = assertThrows(ShapeException.class, () -> Layout.slice(T, 1, 2, 4));
        assertEquals("slice: range [2, 4) out of bounds for dim 1 of shape [2, 3, 4, 5]", e.getMessage());
        assertThrows(ShapeException.class, () -> Layout.slice(T, 1, -1, 2));
        assertThrows(ShapeException.class, () -> Layout.slice(T, 1, 2, 1));
    }

    @Test
    void concatOfSlicesRebuildsTheTensor() {
        for (int dim = 0; dim < 4; dim++) {
            int size = T.size(dim);
            Tensor a = Layout.slice(T, dim, 0, 1), b = Layout.slice(T, dim, 1, size - 1), c = Layout.slice(T, dim, size - 1, size);
            Tensor y = Layout.concat(dim, a, b, c);
            assertArrayEquals(T.shape(), y.shape());
            assertArrayEquals(T.data(), y.data(), "dim " + dim);
            assertArrayEquals(T.data(), Layout.concat(dim - 4, a, b, c).data(), "negative dim " + (dim - 4));
        }
        assertArrayEquals(T.data(), Layout.concat(0, T).data());
    }

    @Test
    void concatErrorsNameShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> Layout.concat(1, Tensor.zeros(2, 3), Tensor.zeros(3, 3)));
        assertEquals("concat: sizes differ outside dim 1: [2, 3] and [3, 3]", e.getMessage());
        e = assertThrows(ShapeException.class, () -> Layout.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 3, 1)));
        assertTrue(e.getMessage().startsWith("concat: ranks differ"), e.getMessage());
        assertThrows(ShapeException.class, () -> Layout.concat(0));
    }

    @Test
    void takeRowsGathersInOrderWithRepeats() {
        Tensor m = Tensor.arange(12).reshape(4, 3);
        Tensor y = Layout.takeRows(m, new int[] {3, 0, 3});
        assertArrayEquals(new int[] {3, 3}, y.shape());
        assertArrayEquals(new float[] {9, 10, 11, 0, 1, 2, 9, 10, 11}, y.data());
        assertArrayEquals(new int[] {0, 3}, Layout.takeRows(m, new int[0]).shape());
        assertArrayEquals(new int[] {1, 3, 4, 5}, Layout.takeRows(T, new int[] {1}).shape());
        ShapeException e = assertThrows(ShapeException.class, () -> Layout.takeRows(m, new int[] {4}));
        assertTrue(e.getMessage().contains("row 4") && e.getMessage().contains("[4, 3]"), e.getMessage());
        assertThrows(ShapeException.class, () -> Layout.takeRows(Tensor.scalar(1f), new int[] {0}));
    }

    @Test
    void broadcastToCopiesAcrossNewDims() {
        Tensor v = Tensor.of(new float[] {1, 2, 3}, 3, 1);
        Tensor y = Layout.broadcastTo(v, 2, 3, 2);
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3}, y.data());
        assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3}, Layout.broadcastTo(v, 3, 2).data());
        ShapeException e = assertThrows(ShapeException.class, () -> Layout.broadcastTo(v, 2, 2));
        assertTrue(e.getMessage().startsWith("broadcastTo:"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Layout.broadcastTo(Tensor.zeros(2, 3), 3));
        assertTrue(e.getMessage().startsWith("broadcastTo:"), e.getMessage());
    }

    @Test
    void argmaxPicksTheFirstMaximumAlongADim() {
        Tensor m = Tensor.of(new float[][] {{1, 5, 5}, {7, 0, 7}, {-3, -1, -2}});
        assertArrayEquals(new int[] {1, 0, 1}, Layout.argmax(m, 1));
        assertArrayEquals(new int[] {1, 0, 1}, Layout.argmax(m, -1));
        assertArrayEquals(new int[] {1, 0, 1}, Layout.argmax(m, 0));
        for (int dim = 0; dim < 4; dim++) {
            int[] am = Layout.argmax(T, dim);
            Tensor max = Reductions.max(T, true, dim);
            for (int i = 0; i < am.length; i++) {
                int[] idx = Naive.unravel(i, max.shape());
                idx[dim] = am[i];
                assertEquals(max.data()[i], T.get(idx), 0f, "dim " + dim + " at " + i);
            }
        }
        assertArrayEquals(new int[] {1}, Layout.argmax(Tensor.of(new float[] {1f, Float.NaN, 3f, Float.NaN}, 1, 4), 1), "first NaN wins");
        ShapeException e = assertThrows(ShapeException.class, () -> Layout.argmax(Tensor.zeros(2, 0), 1));
        assertTrue(e.getMessage().startsWith("argmax:") && e.getMessage().contains("[2, 0]"), e.getMessage());
    }
}
