package io.normlab.nn.rnn;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;

/**
 * Single-layer Elman RNN with tanh over a batch-first sequence, PyTorch's
 * {@code nn.RNN(D, H, batch_first=True)}: {@code h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)};
 * parameters {@code weight_ih_l0} (H, D), {@code weight_hh_l0} (H, H), {@code bias_ih_l0},
 * {@code bias_hh_l0} (H), all initialised U(+-1/sqrt(H)). {@link #run} returns all hidden states,
 * the last h and the per-step h_t variables; {@code forward(x)} returns (N, T, H) from h0 = 0.
 */
public final class RNN extends RecurrentModule {
    public RNN(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    public RNN(int inputSize, int hiddenSize, boolean bias, Rng rng) {
        super("RNN", 1, inputSize, hiddenSize, bias, "_l0", rng);
    }

    /** Runs the sequence from h0 ((N, H) or (1, N, H); null means zeros). */
    public SequenceResult run(Var x, Var h0) {
        LstmState init = new LstmState(TimeSteps.initialState("RNN", "h0", h0, TimeSteps.batchSize("RNN", x, inputSize), hiddenSize), null);
        return TimeSteps.unroll("RNN", x, inputSize, init,
                (xt, s) -> new LstmState(RnnOps.rnnTanhCell(xt, s.h(), weightIh, weightHh, biasIh, biasHh), null));
    }

    @Override
    protected Var compute(Var x) {
        return run(x, null).output();
    }
}
