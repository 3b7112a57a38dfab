package io.normlab.nn.rnn;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;

/**
 * Single-layer GRU over a batch-first sequence, PyTorch's {@code nn.GRU(D, H, batch_first=True)}:
 * input (N, T, D); parameters {@code weight_ih_l0} (3H, D), {@code weight_hh_l0} (3H, H),
 * {@code bias_ih_l0}, {@code bias_hh_l0} (3H), gates r, z, n, all initialised U(+-1/sqrt(H)).
 * Each step is the fused cell of {@link RnnOps#gruCell}. {@link #run} returns all hidden states,
 * the last h and the per-step h_t variables; {@code forward(x)} returns (N, T, H) from h0 = 0.
 */
public final class GRU extends RecurrentModule {
    public GRU(int inputSize, int hiddenSize, Rng rng) {
        this(inputSize, hiddenSize, true, rng);
    }

    public GRU(int inputSize, int hiddenSize, boolean bias, Rng rng) {
        super("GRU", 3, inputSize, hiddenSize, bias, "_l0", rng);
    }

    /** Runs the sequence from h0 ((N, H) or (1, N, H); null means zeros). */
    public SequenceResult run(Var x, Var h0) {
        LstmState init = new LstmState(TimeSteps.initialState("GRU", "h0", h0, TimeSteps.batchSize("GRU", x, inputSize), hiddenSize), null);
        return TimeSteps.unroll("GRU", x, inputSize, init,
                (xt, s) -> new LstmState(RnnOps.gruCell(xt, s.h(), weightIh, weightHh, biasIh, biasHh), null));
    }

    @Override
    protected Var compute(Var x) {
        return run(x, null).output();
    }
}
