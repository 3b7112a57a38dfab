package io.normlab.models;

/** The recurrent layers a sequence model can use. */
public enum RecurrentKind {
    /** Elman RNN with tanh. */
    RNN,
    /** LSTM (Hochreiter and Schmidhuber 1997), PyTorch's gate order i, f, g, o. */
    LSTM,
    /** GRU (Cho et al. 2014), PyTorch's gate order r, z, n. */
    GRU,
    /** Layer-normalized LSTM (Ba, Kiros and Hinton 2016). */
    LN_LSTM
}
