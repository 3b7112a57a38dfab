package io.normlab.autograd;

import io.normlab.tensor.Elementwise;
import io.normlab.tensor.Tensor;

/** Differentiable elementwise arithmetic with broadcasting: forward and backward side by side. */
public final class Arithmetic {
    private Arithmetic() {}

    /** {@code a + b}; d/da = 1, d/db = 1. */
    public static Var add(Var a, Var b) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Elementwise.add(in[0], in[1]); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {g, g}; }
            @Override public String name() { return "add"; }
        }.apply(a, b);
    }

    /** {@code a - b}; d/da = 1, d/db = -1. */
    public static Var sub(Var a, Var b) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Elementwise.sub(in[0], in[1]); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {g, needsGrad(1) ? g.neg() : null}; }
            @Override public String name() { return "sub"; }
        }.apply(a, b);
    }

    /** {@code a * b}; d/da = b, d/db = a. */
    public static Var mul(Var a, Var b) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Elementwise.mul(in[0], in[1]); }
            @Override protected Tensor[] backward(Tensor g) {
                return new Tensor[] {
                    needsGrad(0) ? Elementwise.mul(g, b.value()) : null,
                    needsGrad(1) ? Elementwise.mul(g, a.value()) : null};
            }
            @Override public String name() { return "mul"; }
        }.apply(a, b);
    }

    /** {@code a / b}; d/da = 1/b, d/db = -a/b^2. */
    public static Var div(Var a, Var b) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Elementwise.div(in[0], in[1]); }
            @Override protected Tensor[] backward(Tensor g) {
                Tensor ga = Elementwise.div(g, b.value());
                Tensor gb = needsGrad(1)
                        ? Elementwise.mul(ga, Elementwise.div(a.value(), b.value())).neg() : null;
                return new Tensor[] {needsGrad(0) ? ga : null, gb};
            }
            @Override public String name() { return "div"; }
        }.apply(a, b);
    }

    /** {@code s * a} for a constant {@code s}. */
    public static Var scale(Var a, float s) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Elementwise.scale(in[0], s); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Elementwise.scale(g, s)}; }
            @Override public String name() { return "scale"; }
        }.apply(a);
    }

    /** {@code exp(a)}; derivative exp(a), the output itself. */
    public static Var exp(Var a) {
        return new Function() {
            private Tensor y;
            @Override protected Tensor forward(Tensor... in) { return y = Elementwise.map(in[0], v -> (float) Math.exp(v)); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Elementwise.mul(g, y)}; }
            @Override public String name() { return "exp"; }
        }.apply(a);
    }

    /** Natural {@code log(a)}; derivative 1/a. */
    public static Var log(Var a) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Elementwise.map(in[0], v -> (float) Math.log(v)); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Elementwise.div(g, a.value())}; }
            @Override public String name() { return "log"; }
        }.apply(a);
    }

    /** {@code sqrt(a)}; derivative 1/(2 sqrt(a)). */
    public static Var sqrt(Var a) {
        return new Function() {
            private Tensor y;
            @Override protected Tensor forward(Tensor... in) { return y = Elementwise.map(in[0], v -> (float) Math.sqrt(v)); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Elementwise.div(g, y.mul(2f))}; }
            @Override public String name() { return "sqrt"; }
        }.apply(a);
    }

    /** {@code a^2}; derivative 2a. */
    public static Var square(Var a) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Elementwise.mul(in[0], in[0]); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Elementwise.mul(g, a.value().mul(2f))}; }
            @Override public String name() { return "square"; }
        }.apply(a);
    }
}
