package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Linalg;
import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Gradient checks of {@link MatrixOps}: matmul 2-D and batched with broadcast, linear. */
class MatrixOpsGradTest {
    private final Rng rng = new Rng(61);

    private Var p(int... shape) {
        return Var.param(Tensor.randn(rng, shape));
    }

    @Test
    void matmul2d() {
        GradCheck.defaults().check(v -> v[0].matmul(v[1]), p(3, 5), p(5, 4));
        GradCheck.defaults().check(v -> v[0].matmul(v[1]), p(1, 7), p(7, 1));
        GradCheck.defaults().check(v -> v[0].matmul(v[1]), p(4, 5), Var.of(Tensor.randn(rng, 5, 2)));
    }

    @Test
    void matmulBatchedWithBroadcastBatchDims() {
        GradCheck.defaults().check(v -> v[0].matmul(v[1]), p(2, 3, 4), p(2, 4, 5));
        GradCheck.defaults().check(v -> v[0].matmul(v[1]), p(2, 3, 4), p(4, 5)); // shared 2-D right operand
        GradCheck.defaults().check(v -> v[0].matmul(v[1]), p(3, 4), p(2, 4, 5)); // shared 2-D left operand
        GradCheck.defaults().check(v -> v[0].matmul(v[1]), p(3, 1, 2, 4), p(2, 4, 3)); // size-1 batch dim and extra rank
    }

    @Test
    void matmulOfLongInnerDimWithScaledInputs() {
        // k = 64 with unit-scale outputs: the size at which the old GradCheck gave false failures.
        Var a = Var.param(Tensor.randn(rng, 0f, 0.125f, 3, 64)), b = Var.param(Tensor.randn(rng, 64, 4));
        GradCheck.defaults().check(v -> v[0].matmul(v[1]), a, b);
    }

    @Test
    void linearWithAndWithoutBias() {
        GradCheck.defaults().check(v -> MatrixOps.linear(v[0], v[1], v[2]), p(4, 3), p(5, 3), p(5));
        GradCheck.defaults().check(v -> MatrixOps.linear(v[0], v[1], null), p(4, 3), p(5, 3));
        GradCheck.defaults().check(v -> MatrixOps.linear(v[0], v[1], v[2]), p(2, 3, 4), p(5, 4), p(5)); // 3-D input
        GradCheck.defaults().check(v -> MatrixOps.linear(v[0], v[1], v[2]), p(4), p(2, 4), p(2)); // 1-D input
        GradCheck.defaults().check(v -> MatrixOps.linear(v[0], v[1], v[2]), Var.of(Tensor.randn(rng, 3, 4)), p(2, 4), p(2));
    }

    @Test
    void linearEqualsMatmulWithTransposedWeightPlusBias() {
        Tensor x = Tensor.randn(rng, 2, 3, 4), w = Tensor.randn(rng, 5, 4), b = Tensor.randn(rng, 5);
        Tensor y = MatrixOps.linear(Var.of(x), Var.of(w), Var.of(b)).value();
        Tensor ref = Linalg.matmul(x, false, w.transpose(0, 1), false).add(b);
        assertArrayEquals(new int[] {2, 3, 5}, y.shape());
        assertTrue(y.allClose(ref, 1e-6f, 1e-6f));
    }

    @Test
    void linearShapeErrors() {
        ShapeException e = assertThrows(ShapeException.class, () -> MatrixOps.linear(p(4, 3), p(5, 2), null));
        assertTrue(e.getMessage().startsWith("linear:") && e.getMessage().contains("[4, 3]") && e.getMessage().contains("[5, 2]"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> MatrixOps.linear(p(4, 3), p(5, 3), p(4)));
        assertTrue(e.getMessage().startsWith("linear:") && e.getMessage().contains("[4]") && e.getMessage().contains("[5]"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> MatrixOps.linear(Var.param(Tensor.scalar(1f)), p(5, 1), null));
        assertTrue(e.getMessage().startsWith("linear:"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> p(2, 3).matmul(p(2, 3)));
        assertTrue(e.getMessage().startsWith("matmul:"), e.getMessage());
    }
}
