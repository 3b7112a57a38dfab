package io.normlab.autograd;

import io.normlab.tensor.Tensor;

/**
 * A differentiable operation: an op author writes {@link #forward} and, right beside it, the local
 * {@link #backward}; {@link #apply} is the one place where the graph is recorded. A Function
 * instance is used for exactly one application and may keep what backward needs in fields.
 *
 * <p>Backward returns one gradient per input, shaped like the forward's result broadcast against
 * that input; the engine sums broadcast gradients back to each input's shape
 * ({@code Reductions.sumToShape}) and accumulates them, so an op never handles broadcasting or
 * a value used twice. Entries for inputs that need no gradient ({@link #needsGrad}) may be null.
 * Backward returns new tensors or views of its {@code gradOutput}, never a tensor it keeps or
 * shares elsewhere: the engine hands fresh gradients to leaves without copying them.
 */
public abstract class Function {
    private boolean[] needsGrad = new boolean[0];
    private boolean recorded;

    /** Computes the output from the input values. Must not modify the inputs. */
    protected abstract Tensor forward(Tensor... inputs);

    /**
     * Given dL/d(output), returns dL/d(input_i) for each input (null allowed where not needed). The
     * array may be longer than the inputs (a fixed layout with absent optional inputs) if the extra
     * entries are null.
     */
    protected abstract Tensor[] backward(Tensor gradOutput);

    /** True when input {@code i} requires a gradient (valid during forward and backward). */
    protected final boolean needsGrad(int i) {
        return i < needsGrad.length && needsGrad[i];
    }

    /** A short name for graph dumps and error messages (default: the class's simple name). */
    public String name() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? getClass().getName() : n;
    }

    /**
     * Runs forward and records a node when gradients are enabled and some input requires one.
     *
     * @throws IllegalStateException when this instance already recorded a node: a second forward
     *     would overwrite what the first node's backward saved
     */
    public final Var apply(Var... inputs) {
        if (recorded) {
            throw new IllegalStateException(name() + ": a Function instance records a graph node only once; create a new instance per application");
        }
        Tensor[] values = new Tensor[inputs.length];
        boolean any = false;
        needsGrad = new boolean[inputs.length];
        boolean record = GradMode.isEnabled();
        for (int i = 0; i < inputs.length; i++) {
            values[i] = inputs[i].value();
            needsGrad[i] = record && inputs[i].requiresGrad();
            any |= needsGrad[i];
        }
        Tensor out = forward(values);
        if (!any) return Var.of(out);
        recorded = true;
        return new Var(out, new Node(this, inputs));
    }
}
