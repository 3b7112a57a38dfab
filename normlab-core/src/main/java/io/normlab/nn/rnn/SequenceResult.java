package io.normlab.nn.rnn;

import io.normlab.autograd.Var;
import java.util.List;

/**
 * What a recurrent layer returns for a batch-first input (N, T, D):
 * <ul>
 *   <li>{@code output}: all hidden states stacked, (N, T, H) (PyTorch's {@code output});</li>
 *   <li>{@code h}, {@code c}: the last hidden state and, for an LSTM, the last cell state, (N, H)
 *       ({@code c} is null for RNN and GRU);</li>
 *   <li>{@code steps}: the per-step hidden states h_1..h_T as graph variables, (N, H) each.
 *       Register {@code retainGrad()} or {@code onGrad(...)} on them before backward to observe
 *       dL/dh_t, the total gradient reaching step t (through the output and through later steps):
 *       the gradient through time.</li>
 * </ul>
 */
public record SequenceResult(Var output, Var h, Var c, List<Var> steps) {
    public SequenceResult {
        steps = List.copyOf(steps);
    }
}
