package io.normlab.cli;

import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.Sequential;
import io.normlab.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A multi-layer perceptron from flags: for each hidden width w, {@code Linear(prev, w)}, the
 * normalization layer (if any), the activation; then {@code Linear(prev, classes)} giving logits.
 * Linear layers use PyTorch's default initialization.
 */
final class ModelOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--hidden", split = ",", defaultValue = "128,64", paramLabel = "W[,W...]", hideParamSyntax = true,
            description = "Widths of the hidden layers, input side first (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME",
            description = "Activation after each hidden layer: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ActivationChoice activation;

    @Option(names = "--norm", defaultValue = "none", paramLabel = "NAME",
            description = "Normalization after each hidden Linear layer, before the activation. Available: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Norm norm;

    Sequential build(int inputs, int classes, Rng rng) {
        for (int w : hidden) {
            if (w < 1) throw new ParameterException(spec.commandLine(), "Invalid value for option '--hidden': widths must be >= 1, got " + hidden);
        }
        List<Module> layers = new ArrayList<>();
        int prev = inputs;
        for (int w : hidden) {
            layers.add(new Linear(prev, w, rng));
            Module n = norm.layer(w);
            if (n != null) layers.add(n);
            layers.add(activation.module());
            prev = w;
        }
        layers.add(new Linear(prev, classes, rng));
        return new Sequential(layers);
    }
}
