package io.normlab.autograd;

import io.normlab.tensor.Elementwise;
import io.normlab.tensor.Pointwise;
import io.normlab.tensor.Tensor;

/**
 * Differentiable activation functions, on the vectorized passes of {@link Pointwise} (tanh and
 * sigmoid within 1-2 ulp of the double-precision functions rounded to float).
 */
public final class Activations {
    private Activations() {}

    /** sigma(x) = 1 / (1 + e^-x); sigma' = sigma (1 - sigma). */
    public static Var sigmoid(Var x) {
        return new Function() {
            private Tensor y;
            @Override protected Tensor forward(Tensor... in) { return y = Pointwise.sigmoid(in[0]); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Pointwise.sigmoidBackward(g, y)}; }
            @Override public String name() { return "sigmoid"; }
        }.apply(x);
    }

    /** tanh(x); tanh' = 1 - tanh^2. */
    public static Var tanh(Var x) {
        return new Function() {
            private Tensor y;
            @Override protected Tensor forward(Tensor... in) { return y = Pointwise.tanh(in[0]); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Pointwise.tanhBackward(g, y)}; }
            @Override public String name() { return "tanh"; }
        }.apply(x);
    }

    /** max(0, x); derivative 1 for x > 0, else 0 (0 at x = 0, as in PyTorch). */
    public static Var relu(Var x) {
        return leakyRelu(x, 0f, "relu");
    }

    /** x for x > 0, else slope * x; derivative 1 or slope (slope at x = 0). */
    public static Var leakyRelu(Var x, float slope) {
        return leakyRelu(x, slope, "leaky_relu");
    }

    private static Var leakyRelu(Var x, float slope, String name) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Pointwise.leakyRelu(in[0], slope); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Pointwise.leakyReluBackward(g, x.value(), slope)}; }
            @Override public String name() { return name; }
        }.apply(x);
    }

    /** Exact GELU, x Phi(x) with Phi the standard normal CDF; derivative Phi(x) + x phi(x). */
    public static Var gelu(Var x) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Elementwise.map(in[0], v -> (float) (v * phi(v))); }
            @Override protected Tensor[] backward(Tensor g) {
                return new Tensor[] {Elementwise.zip(g, x.value(), (gv, xv) ->
                        (float) (gv * (phi(xv) + xv * Math.exp(-0.5 * xv * xv) / Math.sqrt(2 * Math.PI))))};
            }
            @Override public String name() { return "gelu"; }
        }.apply(x);
    }

    /** Standard normal CDF via erf. */
    static double phi(double x) {
        return 0.5 * (1.0 + erf(x / Math.sqrt(2.0)));
    }

    /** erf(x) with absolute error below 1.2e-7 (Numerical Recipes' erfc Chebyshev fit). */
    static double erf(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1.0 - r : r - 1.0;
    }
}
