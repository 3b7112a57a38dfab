package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

class ElementwiseTest {
    /** Pairs of shapes that broadcast, including rank-0 and size-1 dims, and one large enough for several chunks. */
    private static final int[][][] PAIRS = {
        {{2, 3}, {2, 3}},
        {{2, 3}, {3}},
        {{3}, {2, 3}},
        {{2, 3}, {2, 1}},
        {{2, 1}, {1, 3}},
        {{4, 1, 3}, {1, 5, 1}},
        {{}, {2, 3}},
        {{2, 3}, {}},
        {{}, {}},
        {{1}, {3, 1}},
        {{3, 1, 1}, {1}},
        {{5, 1, 4, 1}, {3, 1, 6}},
        {{2, 0, 3}, {3}},
        {{1, 1}, {1}},
        {{300, 257}, {257}},
        {{300, 1}, {1, 257}},
    };

    private interface Op {
        Tensor apply(Tensor a, Tensor b);
    }

    private static void checkAgainstNaive(String name, Op op, BinaryOperator<Float> ref) {
        Rng rng = new Rng(11);
        for (int[][] p : PAIRS) {
            Tensor a = Tensor.randn(rng, p[0]), b = Tensor.uniform(rng, 0.5f, 2f, p[1]);
            Tensor a0 = a.copy(), b0 = b.copy();
            Tensor y = op.apply(a, b);
            int[] out = Shape.broadcast(name, p[0], p[1]);
            assertArrayEquals(out, y.shape(), name + " shape for " + Shape.str(p[0]) + ", " + Shape.str(p[1]));
            for (int i = 0; i < y.numel(); i++) {
                int[] idx = Naive.unravel(i, out);
                float expect = ref.apply(a.data()[Naive.broadcastSource(idx, p[0])], b.data()[Naive.broadcastSource(idx, p[1])]);
                if (Float.compare(expect, y.data()[i]) != 0) {
                    fail(name + " " + Shape.str(p[0]) + ", " + Shape.str(p[1]) + " at " + i + ": expected " + expect + ", got " + y.data()[i]);
                }
            }
            assertArrayEquals(a0.data(), a.data(), "inputs must not change");
            assertArrayEquals(b0.data(), b.data(), "inputs must not change");
        }
    }

    @Test
    void addBroadcastsLikeTheNaiveReference() {
        checkAgainstNaive("add", Elementwise::add, (x, z) -> x + z);
    }

    @Test
    void subBroadcastsLikeTheNaiveReference() {
        checkAgainstNaive("sub", Elementwise::sub, (x, z) -> x - z);
    }

    @Test
    void mulBroadcastsLikeTheNaiveReference() {
        checkAgainstNaive("mul", Elementwise::mul, (x, z) -> x * z);
    }

    @Test
    void divBroadcastsLikeTheNaiveReference() {
        checkAgainstNaive("div", Elementwise::div, (x, z) -> x / z);
    }

    @Test
    void shapeErrorsNameTheOpAndBothShapes() {
        Tensor a = Tensor.zeros(2, 3), b = Tensor.zeros(4);
        Op[] ops = {Elementwise::add, Elementwise::sub, Elementwise::mul, Elementwise::div};
        String[] names = {"add", "sub", "mul", "div"};
        for (int i = 0; i < ops.length; i++) {
            Op op = ops[i];
            ShapeException e = assertThrows(ShapeException.class, () -> op.apply(a, b));
            assertEquals(names[i] + ": shapes do not broadcast: [2, 3] and [4]", e.getMessage());
        }
        ShapeException e = assertThrows(ShapeException.class, () -> Elementwise.add(Tensor.zeros(2, 3, 4), Tensor.zeros(3, 1, 4)));
        assertTrue(e.getMessage().contains("[2, 3, 4]") && e.getMessage().contains("[3, 1, 4]"), e.getMessage());
    }

    @Test
    void unaryAndSameShapeOps() {
        Tensor a = Tensor.of(new float[] {1, -2, 3}, 3), b = Tensor.of(new float[] {4, 5, 6}, 3);
        assertArrayEquals(new float[] {2, -4, 6}, Elementwise.scale(a, 2f).data());
        assertArrayEquals(new float[] {1, 4, 9}, Elementwise.map(a, v -> v * v).data());
        assertArrayEquals(new float[] {4, -10, 18}, Elementwise.zip(a, b, (x, z) -> x * z).data());
        assertArrayEquals(new float[] {-1, 2, -3}, a.neg().data());
        assertArrayEquals(new float[] {1.5f, -1.5f, 3.5f}, a.add(0.5f).data());
        assertArrayEquals(new float[] {1, -2, 3}, a.data(), "inputs must not change");
        ShapeException e = assertThrows(ShapeException.class, () -> Elementwise.zip(a, Tensor.zeros(1, 3), (x, z) -> x));
        assertTrue(e.getMessage().startsWith("zip:") && e.getMessage().contains("[1, 3]"), e.getMessage());
    }

    @Test
    void inPlaceOpsModifyOnlyTheAccumulator() {
        Tensor acc = Tensor.of(new float[] {1, 2, 3}, 3), src = Tensor.of(new float[] {10, 20, 30}, 3);
        Elementwise.addInPlace(acc, src);
        assertArrayEquals(new float[] {11, 22, 33}, acc.data());
        Elementwise.axpyInPlace(acc, -0.5f, src);
        assertArrayEquals(new float[] {6, 12, 18}, acc.data());
        assertArrayEquals(new float[] {10, 20, 30}, src.data());
        ShapeException e = assertThrows(ShapeException.class, () -> Elementwise.addInPlace(acc, Tensor.zeros(3, 1)));
        assertTrue(e.getMessage().startsWith("addInPlace:"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Elementwise.axpyInPlace(acc, 1f, Tensor.zeros(4)));
        assertTrue(e.getMessage().startsWith("axpyInPlace:"), e.getMessage());
    }

    @Test
    void largeSameShapeOpsCoverEveryChunk() {
        int n = 3 * Elementwise.GRAIN + 17;
        Tensor a = Tensor.randn(new Rng(2), n), b = Tensor.randn(new Rng(3), n);
        Tensor y = Elementwise.mul(a, b), m = Elementwise.map(a, v -> v + 1f);
        for (int i = 0; i < n; i++) {
            assertEquals(a.data()[i] * b.data()[i], y.data()[i], 0f);
            assertEquals(a.data()[i] + 1f, m.data()[i], 0f);
        }
    }
}
