package io.normlab.nn.rnn;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;

/**
 * LSTM cell, PyTorch's {@code nn.LSTMCell}: gates i, f, g, o; parameters {@code weight_ih}
 * (4H, D), {@code weight_hh} (4H, H), {@code bias_ih}, {@code bias_hh} (4H), all initialised
 * U(+-1/sqrt(H)). {@link #step} maps x (N, D) and the state (h, c) to the new state:
 * {@code c' = f*c + i*g, h' = o*tanh(c')} (one fused op, {@link RnnOps#lstmCell}).
 * {@code forward(x)} starts from a zero state and returns h'.
 */
public final class LSTMCell extends RecurrentModule {
    public LSTMCell(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    public LSTMCell(int inputSize, int hiddenSize, boolean bias, Rng rng) {
        super("LSTMCell", 4, inputSize, hiddenSize, bias, "", rng);
    }

    /** One step; a null state means zeros. */
    public LstmState step(Var x, LstmState state) {
        int n = x.shape()[0];
        Var h = TimeSteps.initialState("LSTMCell", "h", state == null ? null : state.h(), n, hiddenSize);
        Var c = TimeSteps.initialState("LSTMCell", "c", state == null ? null : state.c(), n, hiddenSize);
        return RnnOps.lstmCell(x, h, c, weightIh, weightHh, biasIh, biasHh);
    }

    @Override
    protected Var compute(Var x) {
        return step(x, null).h();
    }
}
