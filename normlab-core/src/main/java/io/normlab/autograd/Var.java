package io.normlab.autograd;

import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A value in the autodiff graph: a {@link Tensor} plus, when it requires a gradient, the record of
 * the operation that made it. Leaves made with {@link #param} accumulate {@code dL/dself} into
 * {@link #grad()} on every {@link #backward}; intermediate results keep their gradient only after
 * {@link #retainGrad()}, and {@link #onGrad} observes it as it is computed (diagnostics use this
 * to see dL/dh of every layer output).
 */
public final class Var {
    private final Tensor value;
    private final Node node;
    private final boolean requiresGrad;
    private Tensor grad;
    private boolean retainGrad;
    private List<Consumer<Tensor>> gradHooks;

    Var(Tensor value, Node node) {
        this.value = value;
        this.node = node;
        this.requiresGrad = true;
    }

    private Var(Tensor value, boolean requiresGrad) {
        this.value = value;
        this.node = null;
        this.requiresGrad = requiresGrad;
    }

    /** A constant leaf: no gradient is tracked. */
    public static Var of(Tensor value) {
        return new Var(value, false);
    }

    /** A trainable leaf: gradients accumulate into {@link #grad()}. */
    public static Var param(Tensor value) {
        return new Var(value, true);
    }

    /** The value (not a copy). */
    public Tensor value() {
        return value;
    }

    /** Shape of the value. */
    public int[] shape() {
        return value.shape();
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True when this variable was not produced by a recorded operation. */
    public boolean isLeaf() {
        return node == null;
    }

    Node node() {
        return node;
    }

    /** Name of the operation that produced this value, or "leaf". */
    public String producer() {
        return node == null ? "leaf" : node.function.name();
    }

    /** The accumulated gradient dL/dself, or null when none has been computed. */
    public Tensor grad() {
        return grad;
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        grad = null;
    }

    /** Keep dL/dself on this intermediate variable after backward. Returns this. */
    public Var retainGrad() {
        retainGrad = true;
        return this;
    }

    /** Calls {@code hook} with dL/dself each time a backward pass computes it (must not modify it). */
    public Var onGrad(Consumer<Tensor> hook) {
        if (!requiresGrad) throw new IllegalStateException("onGrad: this value does not require a gradient");
        if (gradHooks == null) gradHooks = new ArrayList<>(2);
        gradHooks.add(hook);
        return this;
    }

    /** Same value, cut from the graph. */
    public Var detach() {
        return of(value);
    }

    /** Back-propagates from this scalar (seed gradient 1). */
    public void backward() {
        if (value.numel() != 1) {
            throw new IllegalStateException("backward: a gradient can be created implicitly only for a scalar, got shape "
                    + Shape.str(value.shape()) + "; pass an upstream gradient");
        }
        Engine.backward(this, Tensor.full(1f, value.shape()));
    }

    /** Back-propagates with the given upstream gradient dL/dself (same shape as the value). */
    public void backward(Tensor upstream) {
        Engine.backward(this, upstream);
    }

    /**
     * Takes dL/dself from the engine. {@code owned}: no one else holds g (see Engine), so the first
     * accumulation keeps it instead of copying; with hooks, which may keep what they see, it copies.
     */
    void receiveGradient(Tensor g, boolean owned) {
        if (gradHooks != null) {
            for (Consumer<Tensor> h : gradHooks) h.accept(g);
        }
        if (node == null || retainGrad) {
            if (grad == null) grad = owned && gradHooks == null ? g : g.copy();
            else io.normlab.tensor.Elementwise.addInPlace(grad, g);
        }
    }

    // ---- shortcuts to the differentiable ops ----------------------------------------------------

    public Var add(Var o) { return Arithmetic.add(this, o); }
    public Var sub(Var o) { return Arithmetic.sub(this, o); }
    public Var mul(Var o) { return Arithmetic.mul(this, o); }
    public Var div(Var o) { return Arithmetic.div(this, o); }
    public Var mul(float s) { return Arithmetic.scale(this, s); }
    public Var neg() { return Arithmetic.scale(this, -1f); }
    public Var matmul(Var o) { return MatrixOps.matmul(this, o); }
    public Var sum() { return Sums.sum(this, false); }
    public Var sum(boolean keepDim, int... axes) { return Sums.sum(this, keepDim, axes); }
    public Var mean() { return Sums.mean(this, false); }
    public Var mean(boolean keepDim, int... axes) { return Sums.mean(this, keepDim, axes); }
    public Var reshape(int... shape) { return Shaping.reshape(this, shape); }
    public Var transpose(int a, int b) { return Shaping.transpose(this, a, b); }
    public Var permute(int... order) { return Shaping.permute(this, order); }
    public Var sigmoid() { return Activations.sigmoid(this); }
    public Var tanh() { return Activations.tanh(this); }
    public Var relu() { return Activations.relu(this); }

    @Override
    public String toString() {
        return "Var(" + producer() + ", " + value + (requiresGrad ? ", requiresGrad" : "") + ")";
    }
}
