package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** GradCheck must pass a correct backward and catch a small planted error (a 1/N slip). */
class GradCheckTest {
    private static final int N = 64;

    /**
     * Biased variance of a vector, {@code mean((x - mean(x))^2)}, computed in double. The correct
     * backward is {@code 2 (x_i - mean) / N}: the terms through d(mean)/dx_i sum to zero because
     * the deviations sum to zero. {@code divisor} = N - 1 plants the classic biased/unbiased slip.
     */
    private static final class Variance extends Function {
        private final int divisor;
        private double[] dev;

        Variance(int divisor) {
            this.divisor = divisor;
        }

        @Override protected Tensor forward(Tensor... in) {
            float[] x = in[0].data();
            double mean = 0;
            for (float v : x) mean += v;
            mean /= x.length;
            dev = new double[x.length];
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                dev[i] = x[i] - mean;
                s += dev[i] * dev[i];
            }
            return Tensor.scalar((float) (s / x.length));
        }

        @Override protected Tensor[] backward(Tensor g) {
            float[] dx = new float[dev.length];
            for (int i = 0; i < dx.length; i++) dx[i] = (float) (g.item() * 2 * dev[i] / divisor);
            return new Tensor[] {Tensor.wrap(dx, dev.length)};
        }
    }

    private static Var input(long seed, float std) {
        return Var.param(Tensor.randn(new Rng(seed), 0.5f, std, N));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void passesTheCorrectVarianceBackward(long seed) {
        GradCheck.defaults().check(v -> new Variance(N).apply(v[0]), input(seed, 1f));
        GradCheck.defaults().check(v -> new Variance(N).apply(v[0]), input(seed, 0.1f));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void catchesTheOneOverNSlipElementwise(long seed) {
        GradCheck.Mismatch m = assertThrows(GradCheck.Mismatch.class,
                () -> GradCheck.defaults().check(v -> new Variance(N - 1).apply(v[0]), input(seed, 1f)));
        assertTrue(m.getMessage().contains("input 0 (shape [64]), element"), m.getMessage());
    }

    /** At std 0.1 every element error (about 1e-4 / 2) is below atol: the whole-gradient criterion must catch it. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void catchesTheOneOverNSlipInSmallGradientsThroughTheNorm(long seed) {
        GradCheck.Mismatch m = assertThrows(GradCheck.Mismatch.class,
                () -> GradCheck.defaults().check(v -> new Variance(N - 1).apply(v[0]), input(seed, 0.1f)));
        assertTrue(m.getMessage().contains("||analytic - numeric||"), m.getMessage());
    }

    @Test
    void catchesASingleWrongElement() {
        Var x = Var.param(Tensor.randn(new Rng(9), 3, 4));
        GradCheck.Mismatch m = assertThrows(GradCheck.Mismatch.class, () -> GradCheck.defaults().check(v -> new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].mul(3f); }
            @Override protected Tensor[] backward(Tensor g) {
                Tensor dx = g.mul(3f);
                dx.data()[5] *= 1.01f;
                return new Tensor[] {dx};
            }
        }.apply(v[0]), x));
        assertTrue(m.getMessage().contains("element 5:"), m.getMessage());
    }

    @Test
    void missingGradientIsCaught() {
        Var x = Var.param(Tensor.randn(new Rng(10), 4));
        Var y = Var.param(Tensor.randn(new Rng(11), 4));
        // d(x*y)/dy is forgotten (returned as null, which the engine treats as zero).
        GradCheck.Mismatch m = assertThrows(GradCheck.Mismatch.class, () -> GradCheck.defaults().check(v -> new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].mul(in[1]); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {g.mul(v[1].value()), null}; }
        }.apply(v[0], v[1]), x, y));
        assertTrue(m.getMessage().contains("input 1"), m.getMessage());
    }

    /** The upstream gradient must not be the stream a caller gets from {@code new Rng(seed)}. */
    @Test
    void upstreamGradientIsNotTheSeedsOwnStream() {
        Var x = Var.param(Tensor.randn(new Rng(42), 5, 3));
        AtomicReference<Tensor> seen = new AtomicReference<>();
        GradCheck.defaults().check(v -> {
            Var y = v[0].mul(2f);
            if (seen.get() == null) y.onGrad(seen::set);
            return y;
        }, x);
        assertNotNull(seen.get());
        assertFalse(seen.get().allClose(Tensor.randn(new Rng(42), 5, 3), 0.5f, 0.5f));
    }

    @Test
    void checksFunctionsNearDomainEdgesAndKinks() {
        // log near its singularity: the first steps leave the domain, smaller ones recover.
        Var x = Var.param(Tensor.of(new float[] {0.03f, 0.2f, 0.7f, 2f}, 4));
        GradCheck.defaults().check(v -> Arithmetic.log(v[0]), x);
        // relu 0.05 from the kink
        Var r = Var.param(Tensor.of(new float[] {-0.05f, 0.05f, -1f, 1f}, 4));
        GradCheck.defaults().check(v -> v[0].relu().mul(v[0]), r);
    }

    @Test
    void restoresInputsAndRejectsBadSettings() {
        Tensor t = Tensor.randn(new Rng(3), 6);
        Tensor before = t.copy();
        GradCheck.defaults().check(v -> v[0].tanh(), Var.param(t));
        assertArrayEquals(before.data(), t.data());
        assertThrows(IllegalArgumentException.class, () -> GradCheck.defaults().step(0f));
        assertThrows(IllegalArgumentException.class, () -> GradCheck.defaults().tolerance(-1, 0));
    }
}
