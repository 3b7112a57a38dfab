package io.normlab.nn.rnn;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;

/**
 * Single-layer LSTM over a batch-first sequence, PyTorch's {@code nn.LSTM(D, H, batch_first=True)}:
 * input (N, T, D); parameters {@code weight_ih_l0} (4H, D), {@code weight_hh_l0} (4H, H),
 * {@code bias_ih_l0}, {@code bias_hh_l0} (4H), gates i, f, g, o, all initialised U(+-1/sqrt(H)).
 * Each step is the fused cell of {@link RnnOps#lstmCell}. {@link #run} returns all hidden states
 * (N, T, H), the last (h, c) and the per-step h_t variables ({@link SequenceResult});
 * {@code forward(x)} returns the (N, T, H) output from a zero state. Initial states are (N, H) or
 * PyTorch's (1, N, H); the returned last states are (N, H).
 */
public final class LSTM extends RecurrentModule {
    public LSTM(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    public LSTM(int inputSize, int hiddenSize, boolean bias, Rng rng) {
        super("LSTM", 4, inputSize, hiddenSize, bias, "_l0", rng);
    }

    /** Runs the sequence from (h0, c0); null means zeros. */
    public SequenceResult run(Var x, Var h0, Var c0) {
        int n = TimeSteps.batchSize("LSTM", x, inputSize);
        LstmState init = new LstmState(TimeSteps.initialState("LSTM", "h0", h0, n, hiddenSize),
                TimeSteps.initialState("LSTM", "c0", c0, n, hiddenSize));
        float[] wihT = GateMath.transposed(weightIh.value()), whhT = GateMath.transposed(weightHh.value());
        return TimeSteps.unroll("LSTM", x, inputSize, init,
                (xt, s) -> RnnOps.lstmCell(xt, s.h(), s.c(), weightIh, weightHh, biasIh, biasHh, wihT, whhT));
    }

    @Override
    protected Var compute(Var x) {
        return run(x, null, null).output();
    }
}
