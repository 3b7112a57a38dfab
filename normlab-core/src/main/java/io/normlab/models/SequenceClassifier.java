package io.normlab.models;

import io.normlab.autograd.Var;
import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.rnn.GRU;
import io.normlab.nn.rnn.LSTM;
import io.normlab.nn.rnn.LayerNormLSTM;
import io.normlab.nn.rnn.RNN;
import io.normlab.nn.rnn.SequenceResult;
import io.normlab.tensor.Rng;

/**
 * A recurrent layer over (N, T, D) batch-first input followed by {@code Linear(H, classes)} on the
 * last hidden state: logits (N, classes). Children are named {@code rnn} and {@code head}.
 * {@link #lastRun()} exposes the per-step hidden variables of the latest forward, so diagnostics
 * can watch dL/dh_t through time.
 */
public final class SequenceClassifier extends Module {
    private final RecurrentKind kind;
    private final Module rnn;
    private final Linear head;
    private SequenceResult lastRun;

    public SequenceClassifier(RecurrentKind kind, int inputSize, int hiddenSize, int classes, Rng rng) {
        this.kind = kind;
        switch (kind) {
            case RNN: rnn = new RNN(inputSize, hiddenSize, rng); break;
            case LSTM: rnn = new LSTM(inputSize, hiddenSize, rng); break;
            case GRU: rnn = new GRU(inputSize, hiddenSize, rng); break;
            default: rnn = new LayerNormLSTM(inputSize, hiddenSize, rng); break;
        }
        registerModule("rnn", rnn);
        head = registerModule("head", new Linear(hiddenSize, classes, rng));
    }

    public RecurrentKind kind() {
        return kind;
    }

    /** The recurrent layer's result of the latest forward (per-step hidden states included). */
    public SequenceResult lastRun() {
        return lastRun;
    }

    @Override
    protected Var compute(Var x) {
        switch (kind) {
            case RNN: lastRun = ((RNN) rnn).run(x, null); break;
            case LSTM: lastRun = ((LSTM) rnn).run(x, null, null); break;
            case GRU: lastRun = ((GRU) rnn).run(x, null); break;
            default: lastRun = ((LayerNormLSTM) rnn).run(x, null, null); break;
        }
        return head.forward(lastRun.h());
    }

    @Override
    protected String describe() {
        return kind.toString();
    }
}
