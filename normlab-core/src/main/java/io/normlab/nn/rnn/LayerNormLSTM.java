package io.normlab.nn.rnn;

import io.normlab.autograd.MatrixOps;
import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.nn.norm.LayerNorm;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/**
 * Layer-normalized LSTM over a batch-first sequence (N, T, D), after Ba, Kiros &amp; Hinton 2016,
 * "Layer Normalization", section 3.1 / eq. (20)-(22), with PyTorch's gate order i, f, g, o:
 * <pre>
 *   a  = LN_ih(x_t W_ih^T) + LN_hh(h_{t-1} W_hh^T) + b        (each LN over the 4H gate vector)
 *   i = sigma(a_i)  f = sigma(a_f)  g = tanh(a_g)  o = sigma(a_o)
 *   c_t = f*c_{t-1} + i*g          h_t = o * tanh(LN_cell(c_t))
 * </pre>
 * The input and recurrent pre-activations are normalized separately, so neither can dominate the
 * other; the un-normalized c_t is carried to the next step. Parameters: {@code weight_ih} (4H, D),
 * {@code weight_hh} (4H, H), {@code bias} (4H), all U(+-1/sqrt(H)) as PyTorch's LSTM; the layer
 * norms {@code ln_ih}, {@code ln_hh} (4H) and {@code ln_cell} (H) are {@link LayerNorm}s with
 * PyTorch's defaults (weight 1, bias 0, eps 1e-5). (The paper's b is redundant with the LN shifts;
 * it is kept to match the paper.) Composed from the fused LayerNorm, the fused gate ops of
 * {@link LnLstmGates} and autograd ops, with the input projection of all steps done at once in {@link #run}.
 */
public final class LayerNormLSTM extends Module {
    private final int inputSize;
    private final int hiddenSize;
    private final Var weightIh;
    private final Var weightHh;
    private final Var bias;
    private final Module lnIh;
    private final Module lnHh;
    private final Module lnCell;

    public LayerNormLSTM(int inputSize, int hiddenSize, Rng rng) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("LayerNormLSTM: input_size and hidden_size must be positive, got " + inputSize + ", " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        float k = (float) (1.0 / Math.sqrt(hiddenSize));
        weightIh = registerParameter("weight_ih", Tensor.uniform(rng, -k, k, 4 * hiddenSize, inputSize));
        weightHh = registerParameter("weight_hh", Tensor.uniform(rng, -k, k, 4 * hiddenSize, hiddenSize));
        bias = registerParameter("bias", Tensor.uniform(rng, -k, k, 4 * hiddenSize));
        lnIh = registerModule("ln_ih", new LayerNorm(4 * hiddenSize));
        lnHh = registerModule("ln_hh", new LayerNorm(4 * hiddenSize));
        lnCell = registerModule("ln_cell", new LayerNorm(hiddenSize));
    }

    /** One step from state (h, c) (null: zeros); x (N, D). */
    public LstmState step(Var x, LstmState state) {
        int n = x.shape()[0], hid = hiddenSize;
        Var h = TimeSteps.initialState("LayerNormLSTM", "h", state == null ? null : state.h(), n, hid);
        Var c = TimeSteps.initialState("LayerNormLSTM", "c", state == null ? null : state.c(), n, hid);
        Var a = lnIh.forward(MatrixOps.linear(x, weightIh, null)).add(lnHh.forward(MatrixOps.linear(h, weightHh, null))).add(bias);
        return gates(a, c);
    }

    /** The gates and the new state from the pre-activations a (N, 4H). */
    private LstmState gates(Var a, Var c) {
        Var cNext = LnLstmGates.cell(a, c, hiddenSize);
        return new LstmState(LnLstmGates.output(a, lnCell.forward(cNext), hiddenSize), cNext);
    }

    /**
     * Runs the sequence from (h0, c0) ((N, H) or (1, N, H); null means zeros), computing what
     * {@link #step} computes. The input projections of all T steps are one product and one layer
     * norm over the N*T rows (the same values: the norm is per row), read in place by each step
     * ({@link StepInput}); the recurrent product reads W_hh transposed once per run and sums its
     * gradient across the steps ({@link SequenceLinear}).
     */
    public SequenceResult run(Var x, Var h0, Var c0) {
        int n = TimeSteps.batchSize("LayerNormLSTM", x, inputSize), steps = x.shape()[1];
        LstmState init = new LstmState(TimeSteps.initialState("LayerNormLSTM", "h0", h0, n, hiddenSize),
                TimeSteps.initialState("LayerNormLSTM", "c0", c0, n, hiddenSize));
        Var pre = lnIh.forward(MatrixOps.linear(x.reshape(n * steps, inputSize), weightIh, null)).reshape(n, steps, 4 * hiddenSize);
        SharedWeight hh = new SharedWeight(weightHh.value());
        StepInput.Shared sums = new StepInput.Shared();
        return TimeSteps.unroll(steps, init, (t, s) -> {
            Var z = lnHh.forward(new SequenceLinear(hh, t == 0).apply(s.h(), weightHh));
            return gates(new StepInput(sums, t).apply(pre, z, bias), s.c());
        });
    }

    @Override
    protected Var compute(Var x) {
        return run(x, null, null).output();
    }

    @Override
    protected String describe() {
        return inputSize + ", " + hiddenSize;
    }
}
