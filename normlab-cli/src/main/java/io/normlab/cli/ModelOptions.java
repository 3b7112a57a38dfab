package io.normlab.cli;

import io.normlab.models.MlpSpec;
import io.normlab.models.Placement;
import io.normlab.nn.Sequential;
import io.normlab.tensor.Rng;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A multi-layer perceptron from flags: for each hidden width w, {@code Linear(prev, w)}, the
 * normalization layer (if any) and the activation in the chosen order; then
 * {@code Linear(prev, classes)} giving logits ({@link MlpSpec}). PyTorch's default initialization.
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
            description = "Normalization in each hidden block (after the Linear layer; see --norm-placement). Available: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Norm norm;

    @Option(names = "--norm-placement", defaultValue = "before", paramLabel = "WHERE",
            description = "Normalization before or after the activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlacementChoice placement;

    enum PlacementChoice { before, after }

    /** The model as a spec (recorded with results). */
    MlpSpec spec(int inputs, int classes) {
        int[] widths = hidden.stream().mapToInt(Integer::intValue).toArray();
        try {
            return new MlpSpec(inputs, widths, classes, activation.activation, norm.kind,
                    placement == PlacementChoice.after ? Placement.AFTER_ACTIVATION : Placement.BEFORE_ACTIVATION, null, false);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--hidden': " + e.getMessage());
        }
    }

    Sequential build(int inputs, int classes, Rng rng) {
        return spec(inputs, classes).build(rng);
    }
}
