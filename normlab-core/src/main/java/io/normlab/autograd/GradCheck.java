package io.normlab.autograd;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;
import java.util.function.Function;

/**
 * Checks a backward against numeric derivatives of the float32 forward.
 *
 * <p><b>What is compared.</b> The scalar probed is {@code L = sum(u * f(inputs))}, summed in double,
 * with a random upstream gradient {@code u ~ N(0, 1)} drawn from a stream derived from the seed
 * (not {@code new Rng(seed)} itself, so {@code u} never equals an input the caller drew with the same
 * seed: with {@code u = x} the gradient of a normalization is exactly zero and the check is void).
 * The analytic gradient {@code a} comes from one {@code backward(u)}; the numeric one {@code n} from
 * Ridders' method (C. J. F. Ridders, Adv. Eng. Software 4(2), 1982; Numerical Recipes 3rd ed.
 * section 5.7): central differences {@code D(s) = (L(x+s) - L(x-s)) / (2s)} (with the float-rounded
 * actual step) at {@code s = h, h/2, h/4, ...} (at most {@value #MAX_STEPS} steps) are extrapolated
 * to {@code s -> 0} in a Neville tableau, and the entry with the smallest error estimate is kept;
 * the search stops once roundoff makes the extrapolations diverge. The large first step keeps the
 * float32 roundoff of {@code L} small; the shrinking steps take care of curvature, nearby kinks and
 * domain edges (a step that produces NaN or infinity restarts the tableau at the next smaller step).
 *
 * <p><b>Criteria</b>, each input that requires a gradient must satisfy both:
 * <ul>
 *   <li>every element: {@code |a_j - n_j| <= atol + rtol * |n_j|};
 *   <li>the whole gradient: {@code ||a - n||_2 <= atol + rtol * ||n||_2}, which catches a uniform
 *       slip (e.g. dividing by N - 1 instead of N) even where every element is below {@code atol}.
 * </ul>
 * Defaults: {@code h = 0.1, rtol = 2e-3, atol = 1e-4}, seed 42.
 *
 * <p><b>Accuracy</b> (measured on float32 forwards with unit-scale inputs and outputs of order 1:
 * matmul 3x64 @ 64x4, Linear 64 -> 17 + tanh or cross-entropy, mean-subtraction and normalization
 * over rows of 256 and 1024, exp, log, sqrt, 1/x on [0.2, 1], sigmoid, tanh, GELU): the worst
 * element used at most 0.5 of the default tolerance, and {@code ||a - n|| / ||n||} stayed below
 * 1e-4; a 1/(N-1)-for-1/N slip (1.6%) in a 64-element variance exceeds it 3.5 to 5.7 times.
 * The old fixed two-step Richardson scheme ({@code h = 1e-2}) exceeded the defaults on the 3x64
 * matmul and the 256-row normalization with correct backwards. Limits: the numeric error grows
 * with |f| and with the length of float sums inside f (a 3x600 @ 600x4 matmul of unit normals,
 * outputs of magnitude 25, can exceed the defaults: scale such inputs by 1/sqrt(k)); keep inputs
 * at least 0.05 from kinks and ties (ReLU at 0, equal values under a max); gradients whose norm is
 * below {@code atol} are only checked to {@code atol}.
 *
 * <p>Each numeric element costs 4 to 20 evaluations of {@code f} (typically 6 to 12): use small
 * inputs. {@code check} overwrites the inputs' {@code grad()} with the analytic gradient.
 */
public final class GradCheck {
    /** The most central differences Ridders' method takes per element (steps h down to h/512). */
    static final int MAX_STEPS = 10;

    private final float h;
    private final double rtol;
    private final double atol;
    private final long seed;

    private GradCheck(float h, double rtol, double atol, long seed) {
        if (!(h > 0f) || !(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("GradCheck: need h > 0, rtol >= 0, atol >= 0, got h=" + h + ", rtol=" + rtol + ", atol=" + atol);
        }
        this.h = h;
        this.rtol = rtol;
        this.atol = atol;
        this.seed = seed;
    }

    /** Defaults: first step h = 0.1, rtol = 2e-3, atol = 1e-4, seed 42. */
    public static GradCheck defaults() {
        return new GradCheck(0.1f, 2e-3, 1e-4, 42);
    }

    /** The first (largest) step of Ridders' method. */
    public GradCheck step(float newH) { return new GradCheck(newH, rtol, atol, seed); }
    public GradCheck tolerance(double newRtol, double newAtol) { return new GradCheck(h, newRtol, newAtol, seed); }
    public GradCheck seed(long newSeed) { return new GradCheck(h, rtol, atol, newSeed); }

    /** Thrown when analytic and numeric gradients disagree; names the output, the input and the element. */
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
        Tensor u = Tensor.randn(new Rng(seed).fork(), out.shape());
        for (Var in : inputs) in.zeroGrad();
        out.backward(u);
        for (int i = 0; i < inputs.length; i++) {
            Var in = inputs[i];
            if (!in.requiresGrad()) continue;
            Tensor analytic = in.grad();
            float[] x = in.value().data();
            double diffSq = 0, numSq = 0;
            for (int j = 0; j < x.length; j++) {
                double a = analytic == null ? 0.0 : analytic.data()[j];
                double[] numErr = ridders(f, inputs, u, x, j);
                double num = numErr[0];
                if (!(Math.abs(a - num) <= atol + rtol * Math.abs(num))) {
                    throw new Mismatch(String.format(
                            "gradcheck failed for output of %s, input %d (shape %s), element %d: analytic %.7g, numeric %.7g (+-%.1g) (atol %.1g, rtol %.1g)",
                            out.producer(), i, Shape.str(in.shape()), j, a, num, numErr[1], atol, rtol));
                }
                diffSq += (a - num) * (a - num);
                numSq += num * num;
            }
            double diff = Math.sqrt(diffSq), norm = Math.sqrt(numSq);
            if (!(diff <= atol + rtol * norm)) {
                throw new Mismatch(String.format(
                        "gradcheck failed for output of %s, input %d (shape %s): ||analytic - numeric|| = %.4g exceeds atol + rtol * ||numeric|| (||numeric|| = %.4g, relative error %.3g; atol %.1g, rtol %.1g)",
                        out.producer(), i, Shape.str(in.shape()), diff, norm, diff / norm, atol, rtol));
            }
        }
    }

    /**
     * Ridders' extrapolation of dL/dx_j. Row {@code k} of the tableau for step {@code s} holds the
     * order-k extrapolation; the error estimate of an entry is its distance to the two lower-order
     * entries it was made from. Returns {estimate, error estimate}.
     */
    private double[] ridders(Function<Var[], Var> f, Var[] inputs, Tensor u, float[] x, int j) {
        double best = Double.NaN, err = Double.POSITIVE_INFINITY;
        double[] prev = null;
        double s = h;
        for (int step = 0; step < MAX_STEPS; step++, s /= 2) {
            double d = central(f, inputs, u, x, j, (float) s);
            if (!Double.isFinite(d)) {
                prev = null; // outside f's domain or across an overflow: start again from the smaller step
                continue;
            }
            double[] row = new double[prev == null ? 1 : prev.length + 1];
            row[0] = d;
            if (prev == null && Double.isNaN(best)) best = d;
            double fac = 4; // halving the step divides the error term of order 2k by 4^k
            for (int k = 1; k < row.length; k++, fac *= 4) {
                row[k] = (fac * row[k - 1] - prev[k - 1]) / (fac - 1);
                double e = Math.max(Math.abs(row[k] - row[k - 1]), Math.abs(row[k] - prev[k - 1]));
                if (e <= err) {
                    err = e;
                    best = row[k];
                }
            }
            if (prev != null && Math.abs(row[row.length - 1] - prev[prev.length - 1]) >= 2 * err) break;
            prev = row;
        }
        return new double[] {best, err};
    }

    private static double central(Function<Var[], Var> f, Var[] inputs, Tensor u, float[] x, int j, float step) {
        float orig = x[j];
        try {
            x[j] = orig + step;
            float up = x[j];
            double plus = probe(f, inputs, u);
            x[j] = orig - step;
            float down = x[j];
            double minus = probe(f, inputs, u);
            return (plus - minus) / ((double) up - down);
        } finally {
            x[j] = orig;
        }
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
