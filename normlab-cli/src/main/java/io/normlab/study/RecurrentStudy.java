package io.normlab.study;

import io.normlab.models.RecurrentKind;
import io.normlab.models.SequenceClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Study 5: does LayerNorm help recurrent networks? The digits read one pixel per step (64 steps,
 * a long-range task: the first pixels matter as much as the last): tanh RNN vs LSTM vs
 * layer-normalized LSTM (Ba et al. 2016); training curves and ||dL/dh_t|| through time at
 * initialization and at the end.
 */
public final class RecurrentStudy implements Study {
    static final List<RecurrentKind> KINDS = List.of(RecurrentKind.RNN, RecurrentKind.LSTM, RecurrentKind.LN_LSTM);
    static final int HIDDEN = 32;

    @Override public String id() { return "recurrent"; }

    @Override public String title() { return "Recurrent nets: LSTM vs layer-normalized LSTM vs tanh RNN on a 64-step task"; }

    @Override public Claim claim() {
        return new Claim("Layer Normalization [...] is particularly beneficial for recurrent neural networks (RNNs) [...] leading to smoother "
                + "training curves and enhanced convergence speeds, thus reducing issues related to vanishing gradients during training.",
                "seed article, \"Examples of Normalization in Action\"");
    }

    @Override public List<Literature> literature() {
        return List.of(Papers.BA, Papers.PASCANU);
    }

    static String name(RecurrentKind k) {
        return k.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String label(RecurrentKind k) {
        return switch (k) {
            case RNN -> "tanh RNN";
            case LSTM -> "LSTM";
            case GRU -> "GRU";
            case LN_LSTM -> "LN-LSTM";
        };
    }

    @Override
    public StudyResult run(StudyConfig config, Progress progress) {
        Task task = Task.digitsPixels();
        int steps = config.pick(80, 600);
        double lr = 0.005;
        List<Long> seeds = config.seeds();
        TrainSpec train = TrainSpec.of(OptimizerSpec.adam(lr), 32, steps, config.pick(10, 30)).withProbes(0, steps - 1);
        List<Arm> arms = new ArrayList<>();
        for (RecurrentKind k : KINDS) {
            arms.add(Arm.of(name(k), task, rng -> new SequenceClassifier(k, 1, HIDDEN, task.classes(), rng), train));
        }
        Outcome out = new Outcome(this, config, seeds);
        progress.start(id(), arms.size() * seeds.size());
        Results r = Experiment.run(arms, seeds, config.workers(), progress);
        out.setup("Sequential digits: each 8x8 image read one standardized pixel per step (64 steps, input size 1), a classifier Linear(" + HIDDEN
                + " -> 10) on the last hidden state. Recurrent layer with " + HIDDEN + " hidden units: tanh RNN, LSTM (PyTorch init, forget bias 0), "
                + "or LN-LSTM (LayerNorm on the input and recurrent gate pre-activations and on the cell, Ba et al. 2016). Adam lr " + lr
                + ", batch 32, " + steps + " steps. ||dL/dh_t|| is measured for every step t at initialization and at the last step.")
                .set("sequence length", 64).set("hidden", HIDDEN).set("steps", steps).set("optimizer", train.optimizer()).set("batch", 32);
        for (RecurrentKind k : KINDS) {
            String n = name(k);
            out.effect(r.effect("accuracy." + n, "validation accuracy after " + steps + " steps (" + label(k) + ")", "%", n, RunResult::finalAccuracy));
            out.effect(r.effect("auc." + n, "mean validation accuracy over training, a convergence-speed measure (" + label(k) + ")", "%", n,
                    x -> Results.mean(x.valAccuracy())));
            out.effect(r.effect("time_ratio_init." + n, "||dL/dh_1|| / ||dL/dh_64|| at init (" + label(k) + ")", "", n, x -> x.profile(0).timeRatio()));
            out.effect(r.effect("time_ratio_end." + n, "||dL/dh_1|| / ||dL/dh_64|| at the last step (" + label(k) + ")", "", n,
                    x -> x.profile(steps - 1).timeRatio()));
        }
        out.check(Check.required("LN-LSTM converges faster than the LSTM (mean validation accuracy over training at least 1 point higher)",
                out.median("auc.ln-lstm") >= out.median("auc.lstm") + 0.01, out.text("auc.ln-lstm") + " vs " + out.text("auc.lstm")));
        out.check(Check.required("LN-LSTM ends at least as accurate as the LSTM (within 1 point)",
                out.median("accuracy.ln-lstm") >= out.median("accuracy.lstm") - 0.01, out.text("accuracy.ln-lstm") + " vs " + out.text("accuracy.lstm")));
        out.check(Check.required("LN-LSTM's gradient reaches the first time step better than the LSTM's at init (higher ||dL/dh_1||/||dL/dh_64||)",
                out.median("time_ratio_init.ln-lstm") > out.median("time_ratio_init.lstm"),
                out.text("time_ratio_init.ln-lstm") + " vs " + out.text("time_ratio_init.lstm")));
        out.check(Check.qualifier("after training the LN-LSTM's gradient through time is no better than the LSTM's (the init advantage does not persist)",
                out.median("time_ratio_end.ln-lstm") <= out.median("time_ratio_end.lstm"),
                out.text("time_ratio_end.ln-lstm") + " vs " + out.text("time_ratio_end.lstm")));

        List<Series> acc = new ArrayList<>(), init = new ArrayList<>(), end = new ArrayList<>(), loss = new ArrayList<>();
        for (RecurrentKind k : KINDS) {
            acc.add(r.accuracyCurve(name(k), label(k)));
            loss.add(r.trainLossCurve(name(k), label(k), 10));
            init.add(r.depthProfile(name(k), label(k), 0, Profile::timeGrad));
            end.add(r.depthProfile(name(k), label(k), steps - 1, Profile::timeGrad));
        }
        out.chart(Chart.lines("accuracy", "Validation accuracy", "Median over seeds, band from min to max.", Chart.Axis.linear("step"),
                Chart.Axis.linear("validation accuracy"), acc));
        out.chart(Chart.lines("train-loss", "Training loss (mean over 10-step windows)", "Smoother and lower is the article's \"smoother training curves\".",
                Chart.Axis.linear("step"), Chart.Axis.log("training loss"), loss));
        out.chart(Chart.lines("time-gradient-init", "||dL/dh_t|| through time at initialization", "The loss sits at t = 64; a line falling "
                + "to the left is a gradient vanishing through time.", Chart.Axis.linear("time step t"), Chart.Axis.log("||dL/dh_t||"), init));
        out.chart(Chart.lines("time-gradient-end", "||dL/dh_t|| through time at step " + (steps - 1), "The same after training.",
                Chart.Axis.linear("time step t"), Chart.Axis.log("||dL/dh_t||"), end));
        out.cite("Ba, Kiros & Hinton 2016", "Pascanu, Mikolov & Bengio 2013", "Hochreiter & Schmidhuber 1997");

        String headline = "accuracy after " + steps + " steps: LN-LSTM " + out.text("accuracy.ln-lstm") + ", LSTM " + out.text("accuracy.lstm") + ", RNN "
                + out.text("accuracy.rnn") + "; gradient t=1 / t=64 at init: LN-LSTM " + out.text("time_ratio_init.ln-lstm") + ", LSTM "
                + out.text("time_ratio_init.lstm");
        String explanation = "Reading the digits pixel by pixel, the LN-LSTM reaches " + out.text("accuracy.ln-lstm") + " after " + steps + " steps "
                + "(mean over training " + out.text("auc.ln-lstm") + "), the LSTM " + out.text("accuracy.lstm") + " (" + out.text("auc.lstm") + ") and the tanh "
                + "RNN " + out.text("accuracy.rnn") + " (" + out.text("auc.rnn") + "). Ba et al. report faster convergence for LN on recurrent tasks "
                + "but never measured gradient norms; here we can. At initialization the gradient reaching the first of 64 steps is "
                + out.text("time_ratio_init.lstm") + " times the last step's in the LSTM (its forget gates start near 0.5, so the cell path decays "
                + "about 2x per step) and " + out.text("time_ratio_init.rnn") + " in the tanh RNN (Pascanu et al.'s vanishing regime), but "
                + out.text("time_ratio_init.ln-lstm") + " in the LN-LSTM: normalizing the gate pre-activations and the cell keeps the backward "
                + "signal scaled. After training the ratios are " + out.text("time_ratio_end.ln-lstm") + " (LN-LSTM), " + out.text("time_ratio_end.lstm")
                + " (LSTM) and " + out.text("time_ratio_end.rnn") + " (RNN): training reshapes the gradient through time in every cell"
                + (out.median("time_ratio_end.ln-lstm") <= out.median("time_ratio_end.lstm")
                        ? ", and the LN-LSTM's advantage at initialization does not persist as a larger ratio. "
                        : ", and the LN-LSTM keeps the larger ratio. ")
                + "The tanh RNN, whose gradient vanishes through time at initialization, still learns a good part of the task: the last pixels "
                + "of an 8x8 digit carry much of its class, and those need no long-range gradient. The article's claim of faster convergence "
                + (out.median("auc.ln-lstm") >= out.median("auc.lstm") + 0.01 ? "matches Ba et al.'s and holds here"
                        : "(Ba et al.) is not visible here beyond 1 point of mean accuracy")
                + "; its link to vanishing gradients is clear at initialization. Quick mode shows the early phase of training ("
                + steps + " steps); full mode runs 600.";
        return out.finish(headline, explanation);
    }
}
