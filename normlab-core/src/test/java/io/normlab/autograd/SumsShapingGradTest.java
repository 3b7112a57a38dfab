package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Gradient checks of {@link Sums} and {@link Shaping}. */
class SumsShapingGradTest {
    private final Rng rng = new Rng(71);

    private Var p(int... shape) {
        return Var.param(Tensor.randn(rng, shape));
    }

    private static final int[][] AXES = {{}, {0}, {1}, {-1}, {0, 2}, {-1, -3}, {1, 2}, {0, 1, 2}};

    @Test
    void sumAndMeanOverAxesWithAndWithoutKeepDim() {
        Var x = p(2, 3, 4);
        for (int[] axes : AXES) {
            for (boolean keepDim : new boolean[] {true, false}) {
                GradCheck.defaults().check(v -> v[0].sum(keepDim, axes), x);
                GradCheck.defaults().check(v -> v[0].mean(keepDim, axes), x);
            }
        }
        GradCheck.defaults().check(v -> v[0].sum(), p(3));
        GradCheck.defaults().check(v -> v[0].mean(), p(2, 2));
        GradCheck.defaults().check(v -> v[0].mean(false), p()); // rank 0
    }

    @Test
    void meanGradientIsOneOverCount() {
        Var x = p(2, 3, 4);
        x.mean(false, 0, 2).backward(Tensor.ones(3));
        for (float g : x.grad().data()) assertEquals(1f / 8, g, 0f);
    }

    @Test
    void reshapeTransposePermute() {
        GradCheck.defaults().check(v -> v[0].reshape(4, -1).mul(Var.of(Tensor.randn(new Rng(1), 4, 6))), p(2, 3, 4));
        GradCheck.defaults().check(v -> v[0].reshape(-1), p(2, 3));
        GradCheck.defaults().check(v -> v[0].transpose(0, 2), p(2, 3, 4));
        GradCheck.defaults().check(v -> v[0].transpose(-1, -2), p(2, 3, 4));
        GradCheck.defaults().check(v -> v[0].permute(2, 0, 1), p(2, 3, 4));
        GradCheck.defaults().check(v -> v[0].permute(1, 3, 0, 2), p(2, 3, 4, 5));
        GradCheck.defaults().check(v -> v[0].permute(-1, 0, 1), p(2, 3, 4));
    }

    @Test
    void slice() {
        Var x = p(3, 4, 5);
        GradCheck.defaults().check(v -> Shaping.slice(v[0], 0, 1, 3), x);
        GradCheck.defaults().check(v -> Shaping.slice(v[0], 1, 0, 2), x);
        GradCheck.defaults().check(v -> Shaping.slice(v[0], -1, 2, 5), x);
        GradCheck.defaults().check(v -> Shaping.slice(v[0], 2, 4, 5), x);
        x.zeroGrad(); // GradCheck left its analytic gradient here
        Shaping.slice(x, 1, 1, 3).backward(Tensor.ones(3, 2, 5));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 5; k++) assertEquals(j >= 1 && j < 3 ? 1f : 0f, x.grad().get(i, j, k), 0f);
            }
        }
    }

    @Test
    void concat() {
        Var a = p(2, 3), b = p(2, 1), c = p(2, 4);
        GradCheck.defaults().check(v -> Shaping.concat(1, v[0], v[1], v[2]), a, b, c);
        GradCheck.defaults().check(v -> Shaping.concat(-1, v[0], v[1], v[2]), a, b, c);
        GradCheck.defaults().check(v -> Shaping.concat(0, v[0], v[1]), p(1, 3), p(3, 3));
        GradCheck.defaults().check(v -> Shaping.concat(1, v[0], v[1], v[2]), a, Var.of(b.value()), c);
        GradCheck.defaults().check(v -> Shaping.concat(0, v[0], v[0]), a); // the same input twice
    }

    @Test
    void shapingErrorsNameTheOp() {
        ShapeException e = assertThrows(ShapeException.class, () -> p(2, 3).reshape(4, -1));
        assertTrue(e.getMessage().startsWith("reshape:"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> p(2, 3).permute(0, 0));
        assertTrue(e.getMessage().startsWith("permute:"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Shaping.concat(0, p(2, 3), p(2, 4)));
        assertTrue(e.getMessage().startsWith("concat:"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Shaping.slice(p(2, 3), 1, 2, 5));
        assertTrue(e.getMessage().startsWith("slice:"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> p(2, 3).sum(false, 2));
        assertTrue(e.getMessage().startsWith("sum:"), e.getMessage());
    }
}
