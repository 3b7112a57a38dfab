package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Gradient checks of every op in {@link Arithmetic}, with broadcasting. */
class ArithmeticGradTest {
    /** Shape pairs that broadcast: equal, trailing, size-1 on both sides, rank 0, rank mismatch. */
    static final int[][][] PAIRS = {
        {{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{4}, {3, 4}}, {{3, 1}, {1, 4}}, {{2, 3, 4}, {3, 1}},
        {{}, {2, 3}}, {{2, 3}, {}}, {{2, 1, 4}, {3, 1}},
    };

    /** Values in [0.5, 2] with random signs: safely away from zero. */
    static Tensor awayFromZero(Rng rng, int... shape) {
        Tensor t = Tensor.uniform(rng, 0.5f, 2f, shape);
        for (int i = 0; i < t.numel(); i++) if (rng.nextFloat() < 0.5f) t.data()[i] = -t.data()[i];
        return t;
    }

    private static void checkBinary(BinaryOperator<Var> op) {
        Rng rng = new Rng(51);
        for (int[][] p : PAIRS) {
            Var a = Var.param(Tensor.randn(rng, p[0])), b = Var.param(awayFromZero(rng, p[1]));
            GradCheck.defaults().check(v -> op.apply(v[0], v[1]), a, b);
            // one side constant: its gradient is skipped, the other still right
            GradCheck.defaults().check(v -> op.apply(v[0], v[1]), a, Var.of(b.value()));
            GradCheck.defaults().check(v -> op.apply(v[0], v[1]), Var.of(a.value()), b);
        }
    }

    @Test
    void add() {
        checkBinary(Arithmetic::add);
    }

    @Test
    void sub() {
        checkBinary(Arithmetic::sub);
    }

    @Test
    void mul() {
        checkBinary(Arithmetic::mul);
    }

    @Test
    void div() {
        checkBinary(Arithmetic::div);
    }

    private static void checkUnary(UnaryOperator<Var> op, Tensor x) {
        GradCheck.defaults().check(v -> op.apply(v[0]), Var.param(x));
    }

    @Test
    void unaryOps() {
        Rng rng = new Rng(52);
        checkUnary(v -> Arithmetic.scale(v, -2.5f), Tensor.randn(rng, 3, 4));
        checkUnary(Var::neg, Tensor.randn(rng, 5));
        checkUnary(Arithmetic::exp, Tensor.uniform(rng, -3f, 3f, 3, 4));
        checkUnary(Arithmetic::log, Tensor.uniform(rng, 0.2f, 5f, 3, 4));
        checkUnary(Arithmetic::sqrt, Tensor.uniform(rng, 0.2f, 5f, 3, 4));
        checkUnary(Arithmetic::square, Tensor.randn(rng, 3, 4));
        checkUnary(Arithmetic::exp, Tensor.randn(rng));
    }

    @Test
    void valuesAreTheElementwiseOps() {
        Var a = Var.of(Tensor.of(new float[] {4f, 9f}, 2)), b = Var.of(Tensor.of(new float[] {2f, -3f}, 2));
        assertArrayEquals(new float[] {6f, 6f}, a.add(b).value().data());
        assertArrayEquals(new float[] {2f, 12f}, a.sub(b).value().data());
        assertArrayEquals(new float[] {8f, -27f}, a.mul(b).value().data());
        assertArrayEquals(new float[] {2f, -3f}, a.div(b).value().data());
        assertArrayEquals(new float[] {2f, 3f}, Arithmetic.sqrt(a).value().data());
        assertArrayEquals(new float[] {16f, 81f}, Arithmetic.square(a).value().data());
        assertArrayEquals(new float[] {(float) Math.log(4), (float) Math.log(9)}, Arithmetic.log(a).value().data());
        assertArrayEquals(new float[] {(float) Math.exp(2), (float) Math.exp(-3)}, Arithmetic.exp(b).value().data());
    }

    @Test
    void shapeErrorsNameTheOp() {
        Var a = Var.param(Tensor.zeros(2, 3)), b = Var.param(Tensor.zeros(4));
        ShapeException e = assertThrows(ShapeException.class, () -> a.mul(b));
        assertEquals("mul: shapes do not broadcast: [2, 3] and [4]", e.getMessage());
    }
}
