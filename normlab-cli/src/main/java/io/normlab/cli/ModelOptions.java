package io.normlab.cli;

import io.normlab.data.Dataset;
import io.normlab.models.CnnSpec;
import io.normlab.models.MlpSpec;
import io.normlab.models.NormKind;
import io.normlab.models.SequenceClassifier;
import io.normlab.nn.Module;
import io.normlab.models.Placement;
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

    @Option(names = "--arch", defaultValue = "mlp", paramLabel = "NAME",
            description = "Model family: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). cnn: two conv3x3-norm-ReLU-maxpool stages "
                    + "(32, 64 channels) and a dense layer of 128 on square images (digits: 1x8x8); rnn/lstm/gru/ln_lstm read an image row by row "
                    + "(other data: one feature per step) and classify from the last hidden state.")
    Architecture arch;

    @Option(names = "--rnn-hidden", defaultValue = "64", paramLabel = "H",
            description = "Hidden size of the recurrent layer (default: ${DEFAULT-VALUE}).")
    int rnnHidden;

    /** The samples reshaped for the chosen family: flat for mlp, (1, s, s) for cnn, (T, D) for recurrent nets. */
    Dataset shapeInput(Dataset d) {
        int f = d.featureCount();
        int side = (int) Math.round(Math.sqrt(f));
        boolean square = side * side == f;
        switch (arch) {
            case mlp:
                return d;
            case cnn:
                if (!square || side % 4 != 0) {
                    throw new ParameterException(spec.commandLine(), "--arch cnn needs square images with a side divisible by 4 "
                            + "(e.g. --data digits, 8x8); this data set has " + f + " features per sample");
                }
                return d.reshapeSamples(1, side, side);
            default:
                return square ? d.reshapeSamples(side, side) : d.reshapeSamples(f, 1);
        }
    }

    /** Builds the chosen model for samples shaped by {@link #shapeInput}. */
    Module build(Dataset train, Rng rng) {
        int classes = train.numClasses();
        int[] s = train.sampleShape();
        switch (arch) {
            case mlp:
                return spec(train.featureCount(), classes).build(rng);
            case cnn:
                NormKind dense = norm.kind == NormKind.GROUP ? NormKind.LAYER : norm.kind;
                return new CnnSpec(1, s[1], s[2], new int[] {32, 64}, 128, classes, norm.kind, dense).build(rng);
            default:
                if (norm != Norm.none) {
                    throw new ParameterException(spec.commandLine(), "--norm applies to mlp and cnn; for a normalized recurrent net use --arch ln_lstm");
                }
                return new SequenceClassifier(arch.recurrent, s[1], rnnHidden, classes, rng);
        }
    }
}
