package io.normlab.nn.rnn;

import io.normlab.autograd.Var;

/**
 * The state of a recurrent cell: hidden state {@code h} (N, H) and, for an LSTM, the cell state
 * {@code c} (N, H); {@code c} is null for RNN and GRU cells.
 */
public record LstmState(Var h, Var c) {}
