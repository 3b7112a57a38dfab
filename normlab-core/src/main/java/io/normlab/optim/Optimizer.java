package io.normlab.optim;

import io.normlab.autograd.Var;
import io.normlab.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their accumulated gradients. Order of calls per training step:
 * {@code zeroGrad()}, forward, {@code loss.backward()}, optional clipping, {@code step()}.
 * Parameters without a gradient are skipped, as in PyTorch.
 */
public abstract class Optimizer {
    /**
     * Elements per parallel chunk of an elementwise update: every element is updated on its own,
     * so the results are the same bits whatever the chunking and the thread count.
     */
    protected static final int GRAIN = 1 << 15;

    protected final List<Var> params;
    protected double lr;

    protected Optimizer(List<Var> params, double lr) {
        if (params.isEmpty()) throw new IllegalArgumentException(getClass().getSimpleName() + ": empty parameter list");
        if (!(lr >= 0)) throw new IllegalArgumentException(getClass().getSimpleName() + ": learning rate must be >= 0, got " + lr);
        for (Var p : params) {
            if (!p.requiresGrad() || !p.isLeaf()) throw new IllegalArgumentException(getClass().getSimpleName() + ": parameters must be trainable leaves");
        }
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    /** Applies one update to every parameter that has a gradient. */
    public abstract void step();

    /** The parameters, in the order given. */
    public final List<Var> params() {
        return params;
    }

    /** Clears every parameter's gradient. */
    public final void zeroGrad() {
        for (Var p : params) p.zeroGrad();
    }

    public final double learningRate() {
        return lr;
    }

    /** Sets the learning rate (schedules call this before each step). */
    public final void setLearningRate(double newLr) {
        if (!(newLr >= 0)) throw new IllegalArgumentException("learning rate must be >= 0, got " + newLr);
        this.lr = newLr;
    }

    /**
     * The optimizer's internal state by name ({@code "<paramIndex>.<buffer>"} plus {@code "step"}),
     * live tensors, for checkpoints. Buffers not yet created are absent.
     */
    public abstract Map<String, Tensor> state();

    /** Restores state saved by {@link #state()}; names and shapes must match. */
    public abstract void loadState(Map<String, Tensor> state);
}
