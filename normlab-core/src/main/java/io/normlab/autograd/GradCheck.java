package io.normlab.autograd;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.function.Function;

/**
 * Checks a backward against central differences. The scalar probed is
 * {@code L = sum(u * f(inputs))} with a random upstream gradient {@code u}, accumulated in double;
 * the numeric derivative uses Richardson extrapolation of two central differences,
 * {@code (4 D(h/2) - D(h)) / 3} with {@code D(h) = (L(x+h) - L(x-h)) / 2h}, which is accurate to
 * O(h^4) and so lets float32 forwards resolve errors of a fraction of a percent (a 1/N slip in a
 * variance gradient over 64 elements is caught). An element fails when
 * {@code |analytic - numeric| > atol + rtol * |numeric|}.
 */
public final class GradCheck {
    private final float h;
    private final double rtol;
    private final double atol;
    private final long seed;

    private GradCheck(float h, double rtol, double atol, long seed) {
        this.h = h;
        this.rtol = rtol;
        this.atol = atol;
        this.seed = seed;
    }

    /** Defaults: h = 1e-2, rtol = 2e-3, atol = 1e-4, seed 42. */
    public static GradCheck defaults() {
        return new GradCheck(1e-2f, 2e-3, 1e-4, 42);
    }

    public GradCheck step(float newH) { return new GradCheck(newH, rtol, atol, seed); }
    public GradCheck tolerance(double newRtol, double newAtol) { return new GradCheck(h, newRtol, newAtol, seed); }
    public GradCheck seed(long newSeed) { return new GradCheck(h, rtol, atol, newSeed); }

    /** Thrown when analytic and numeric gradients disagree; names the input and the element. */
    public static final class Mismatch extends AssertionError {
        Mismatch(String message) {
            super(message);
        }
    }

    /**
     * Checks every input that requires a gradient. {@code f} must be deterministic (seed any
     * randomness inside it). Inputs' values are perturbed and restored.
     *
     * @throws Mismatch naming the op output, the input index and the first bad element
     */
    public void check(Function<Var[], Var> f, Var... inputs) {
        Var out = f.apply(inputs);
        Tensor u = Tensor.randn(new Rng(seed), out.shape());
        for (Var in : inputs) in.zeroGrad();
        out.backward(u);
        for (int i = 0; i < inputs.length; i++) {
            Var in = inputs[i];
            if (!in.requiresGrad()) continue;
            Tensor analytic = in.grad();
            float[] x = in.value().data();
            for (int j = 0; j < x.length; j++) {
                double a = analytic == null ? 0.0 : analytic.data()[j];
                double num = numeric(f, inputs, u, x, j);
                if (!(Math.abs(a - num) <= atol + rtol * Math.abs(num))) {
                    throw new Mismatch(String.format(
                            "gradcheck failed for output of %s, input %d (shape %s), element %d: analytic %.7g, numeric %.7g (atol %.1g, rtol %.1g)",
                            out.producer(), i, io.normlab.tensor.Shape.str(in.shape()), j, a, num, atol, rtol));
                }
            }
        }
    }

    private double numeric(Function<Var[], Var> f, Var[] inputs, Tensor u, float[] x, int j) {
        double d1 = central(f, inputs, u, x, j, h);
        double d2 = central(f, inputs, u, x, j, h / 2);
        return (4 * d2 - d1) / 3;
    }

    private static double central(Function<Var[], Var> f, Var[] inputs, Tensor u, float[] x, int j, float step) {
        float orig = x[j];
        x[j] = orig + step;
        float up = x[j];
        double plus = probe(f, inputs, u);
        x[j] = orig - step;
        float down = x[j];
        double minus = probe(f, inputs, u);
        x[j] = orig;
        return (plus - minus) / ((double) up - down);
    }

    private static double probe(Function<Var[], Var> f, Var[] inputs, Tensor u) {
        try (GradMode scope = GradMode.noGrad()) {
            float[] y = f.apply(inputs).value().data();
            float[] w = u.data();
            double s = 0;
            for (int k = 0; k < y.length; k++) s += (double) w[k] * y[k];
            return s;
        }
    }
}
