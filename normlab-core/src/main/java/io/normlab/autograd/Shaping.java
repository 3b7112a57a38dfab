package io.normlab.autograd;

import io.normlab.tensor.Layout;
import io.normlab.tensor.Tensor;

/** Differentiable reshape, transpose, permute, slice and concatenation. */
public final class Shaping {
    private Shaping() {}

    /** Same values, new shape (one entry may be -1); the gradient is reshaped back. */
    public static Var reshape(Var x, int... shape) {
        int[] xs = x.shape();
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].reshape(shape); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {g.reshape(xs)}; }
            @Override public String name() { return "reshape"; }
        }.apply(x);
    }

    /** Swaps two dimensions; the gradient is swapped back. */
    public static Var transpose(Var x, int a, int b) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Layout.transpose(in[0], a, b); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Layout.transpose(g, a, b)}; }
            @Override public String name() { return "transpose"; }
        }.apply(x);
    }

    /** Output dim i is input dim order[i]; the gradient takes the inverse permutation. */
    public static Var permute(Var x, int... order) {
        int r = order.length;
        int[] inverse = new int[r];
        for (int i = 0; i < r; i++) inverse[Math.floorMod(order[i], r)] = i;
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Layout.permute(in[0], order); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Layout.permute(g, inverse)}; }
            @Override public String name() { return "permute"; }
        }.apply(x);
    }

    /** Elements [start, end) along {@code dim}; the gradient is zero outside the slice. */
    public static Var slice(Var x, int dim, int start, int end) {
        int[] xs = x.shape();
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Layout.slice(in[0], dim, start, end); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Layout.embed(g, xs, dim, start)}; }
            @Override public String name() { return "slice"; }
        }.apply(x);
    }

    /** Concatenation along {@code dim}; each input's gradient is its slice of the output gradient. */
    public static Var concat(int dim, Var... xs) {
        Tensor[] shapes = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) shapes[i] = xs[i].value();
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return Layout.concat(dim, in); }
            @Override protected Tensor[] backward(Tensor g) {
                int d = Math.floorMod(dim, g.rank());
                Tensor[] r = new Tensor[xs.length];
                int at = 0;
                for (int i = 0; i < xs.length; i++) {
                    int len = shapes[i].size(d);
                    if (needsGrad(i)) r[i] = Layout.slice(g, d, at, at + len);
                    at += len;
                }
                return r;
            }
            @Override public String name() { return "concat"; }
        }.apply(xs);
    }
}
