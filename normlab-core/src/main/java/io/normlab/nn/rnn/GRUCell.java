package io.normlab.nn.rnn;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;

/**
 * GRU cell, PyTorch's {@code nn.GRUCell}: gates r, z, n; parameters {@code weight_ih} (3H, D),
 * {@code weight_hh} (3H, H), {@code bias_ih}, {@code bias_hh} (3H), all initialised U(+-1/sqrt(H)).
 * {@code h' = (1-z)*n + z*h} with {@code n = tanh(W_in x + b_in + r*(W_hn h + b_hn))} (one fused op,
 * {@link RnnOps#gruCell}). {@code forward(x)} starts from h = 0.
 */
public final class GRUCell extends RecurrentModule {
    public GRUCell(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    public GRUCell(int inputSize, int hiddenSize, boolean bias, Rng rng) {
        super("GRUCell", 3, inputSize, hiddenSize, bias, "", rng);
    }

    /** One step; a null h means zeros. */
    public Var step(Var x, Var h) {
        return RnnOps.gruCell(x, TimeSteps.initialState("GRUCell", "h", h, x.shape()[0], hiddenSize), weightIh, weightHh, biasIh, biasHh);
    }

    @Override
    protected Var compute(Var x) {
        return step(x, null);
    }
}
