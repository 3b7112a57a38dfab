package io.normlab.cli;

import io.normlab.autograd.Var;
import io.normlab.optim.Adam;
import io.normlab.optim.Optimizer;
import io.normlab.optim.Sgd;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Optimizer and its hyper-parameters (PyTorch's update rules and defaults). */
final class OptimizerOptions {
    /** Constant names are the flag values. */
    enum Kind { sgd, adam, adamw }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--optimizer", defaultValue = "adam", paramLabel = "NAME",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Kind kind;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.001 for adam and adamw, 0.1 for sgd).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum (default: 0.9; sgd only).")
    Double momentum;

    @Option(names = "--weight-decay", paramLabel = "WD", description = "Weight decay (default: 0.01 for adamw, else 0).")
    Double weightDecay;

    double learningRate() {
        double r = lr != null ? lr : kind == Kind.sgd ? 0.1 : 1e-3;
        if (!(r > 0)) throw new ParameterException(spec.commandLine(), "Invalid value for option '--lr': expected a positive number but was " + r);
        return r;
    }

    Optimizer build(List<Var> params) {
        if (momentum != null && kind != Kind.sgd) {
            throw new ParameterException(spec.commandLine(), "--momentum applies to --optimizer sgd only (got --optimizer " + kind + ")");
        }
        if (momentum != null && !(momentum >= 0 && momentum < 1)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--momentum': expected a number in [0, 1) but was " + momentum);
        }
        if (weightDecay != null && !(weightDecay >= 0)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--weight-decay': expected a number >= 0 but was " + weightDecay);
        }
        double r = learningRate();
        return switch (kind) {
            case sgd -> new Sgd(params, Sgd.Config.of(r).withMomentum(momentum == null ? 0.9 : momentum).withWeightDecay(weightDecay == null ? 0 : weightDecay));
            case adam -> new Adam(params, Adam.Config.adam(r).withWeightDecay(weightDecay == null ? 0 : weightDecay));
            case adamw -> new Adam(params, Adam.Config.adamW(r).withWeightDecay(weightDecay == null ? 0.01 : weightDecay));
        };
    }

    /** E.g. "adam (lr 0.001)" or "sgd (lr 0.1, momentum 0.9)". */
    String describe() {
        StringBuilder sb = new StringBuilder(kind.name()).append(" (lr ").append(learningRate());
        if (kind == Kind.sgd) sb.append(", momentum ").append(momentum == null ? 0.9 : momentum);
        if (weightDecay != null || kind == Kind.adamw) sb.append(", weight decay ").append(weightDecay == null ? 0.01 : weightDecay);
        return sb.append(')').toString();
    }
}
