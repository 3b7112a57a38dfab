package io.normlab.cli;

import io.normlab.models.RecurrentKind;

/** The model families {@code --arch} offers. Constant names are the flag values. */
enum Architecture {
    mlp(null), cnn(null), rnn(RecurrentKind.RNN), lstm(RecurrentKind.LSTM), gru(RecurrentKind.GRU), ln_lstm(RecurrentKind.LN_LSTM);

    /** The recurrent layer, or null for the feed-forward families. */
    final RecurrentKind recurrent;

    Architecture(RecurrentKind recurrent) {
        this.recurrent = recurrent;
    }
}
