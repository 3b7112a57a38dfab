package io.normlab.nn.rnn;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;

/**
 * Elman RNN cell with tanh, PyTorch's {@code nn.RNNCell}: {@code h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)};
 * parameters {@code weight_ih} (H, D), {@code weight_hh} (H, H), {@code bias_ih}, {@code bias_hh} (H),
 * all initialised U(+-1/sqrt(H)). {@code forward(x)} starts from h = 0.
 */
public final class RNNCell extends RecurrentModule {
    public RNNCell(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    public RNNCell(int inputSize, int hiddenSize, boolean bias, Rng rng) {
        super("RNNCell", 1, inputSize, hiddenSize, bias, "", rng);
    }

    /** One step; a null h means zeros. */
    public Var step(Var x, Var h) {
        return RnnOps.rnnTanhCell(x, TimeSteps.initialState("RNNCell", "h", h, x.shape()[0], hiddenSize), weightIh, weightHh, biasIh, biasHh);
    }

    @Override
    protected Var compute(Var x) {
        return step(x, null);
    }
}
