/**
 * Recurrent networks over batch-first sequences (N, T, D), PyTorch's definitions, gate orders,
 * parameter names and initialisation.
 *
 * <p>Steps: {@link io.normlab.nn.rnn.RnnOps} (tanh RNN from autograd ops; LSTM and GRU as single
 * fused ops with hand-written backward, two GEMMs each). Cells: {@link io.normlab.nn.rnn.RNNCell},
 * {@link io.normlab.nn.rnn.LSTMCell}, {@link io.normlab.nn.rnn.GRUCell} ({@code weight_ih, ...}).
 * Layers: {@link io.normlab.nn.rnn.RNN}, {@link io.normlab.nn.rnn.LSTM}, {@link io.normlab.nn.rnn.GRU}
 * ({@code weight_ih_l0, ...}) and the layer-normalized {@link io.normlab.nn.rnn.LayerNormLSTM}
 * (Ba, Kiros &amp; Hinton 2016). A layer's {@code run} returns a {@link io.normlab.nn.rnn.SequenceResult}:
 * all hidden states, the last state, and the per-step h_t variables on which callers register
 * {@code onGrad} or {@code retainGrad} to see dL/dh_t, the gradient through time.
 *
 * <p>The unrolled graph is T steps deep; the engine's backward is iterative, so T = 500 runs on a
 * 512 KiB stack. {@link io.normlab.nn.rnn.TimeSteps#split} halves a sequence that needs a gradient
 * recursively, keeping the backward of the per-step slicing at O(N T D log T).
 */
package io.normlab.nn.rnn;
