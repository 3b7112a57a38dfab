package io.normlab.cli;

import io.normlab.data.Dataset;
import io.normlab.models.CnnSpec;
import io.normlab.models.MlpSpec;
import io.normlab.models.NormKind;
import io.normlab.models.Placement;
import io.normlab.models.SequenceClassifier;
import io.normlab.nn.Module;
import io.normlab.nn.init.Initializer;
import io.normlab.tensor.Rng;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A model from flags. {@code --arch mlp} (the default) is a multi-layer perceptron
 * ({@link MlpSpec}): for each hidden width w, {@code Linear(prev, w)}, the normalization layer (if
 * any) and the activation in the chosen order; then {@code Linear(prev, classes)} giving logits.
 * Its hidden widths come from {@code --hidden} or from {@code --depth} and {@code --width};
 * {@code --init}, {@code --gain} and {@code --zero-bias} set the hidden layers' initialization (the
 * output layer keeps PyTorch's default). {@code --arch cnn} and the recurrent families build the
 * models of {@link CnnSpec} and {@link SequenceClassifier}.
 */
final class ModelOptions {
    private static final int[] DEFAULT_HIDDEN = {128, 64};
    private static final int DEFAULT_WIDTH = 128;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--hidden", split = ",", paramLabel = "W[,W...]", hideParamSyntax = true,
            description = "Widths of the hidden layers, input side first (default: 128,64 unless --depth is given).")
    List<Integer> hidden;

    @Option(names = "--depth", paramLabel = "D", description = "Number of hidden layers, each --width wide (instead of --hidden).")
    Integer depth;

    @Option(names = "--width", paramLabel = "W", description = "Width of each of the --depth hidden layers (default: " + DEFAULT_WIDTH + ").")
    Integer width;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "NAME",
            description = "Activation after each hidden layer: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ActivationChoice activation;

    @Option(names = "--norm", defaultValue = "none", paramLabel = "NAME",
            description = "Normalization in each hidden block (after the Linear layer; see --norm-placement). Available: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Norm norm;

    @Option(names = "--norm-placement", defaultValue = "before", paramLabel = "WHERE",
            description = "Normalization before or after the activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlacementChoice placement;

    @Option(names = "--init", defaultValue = "torch-default", paramLabel = "NAME", converter = InitChoice.Converter.class,
            description = "Initialization of the hidden Linear weights: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, "
                    + "kaiming_uniform(a=sqrt(5)) = U(+-1/sqrt(fan_in))). kaiming-* use the ReLU gain sqrt(2), xavier-* and orthogonal gain 1.")
    InitChoice init;

    @Option(names = "--gain", paramLabel = "G", description = "With --init scaled-normal: hidden weights ~ N(0, G^2/fan_in) (default: 1).")
    Double gain;

    @Option(names = "--zero-bias", description = "Set the hidden layers' biases to 0 (default: PyTorch's U(+-1/sqrt(fan_in))).")
    boolean zeroBias;

    enum PlacementChoice { before, after }

    /** The model as a spec (recorded with results). */
    MlpSpec spec(int inputs, int classes) {
        if (gain != null && init != InitChoice.SCALED_NORMAL) {
            throw new ParameterException(spec.commandLine(), "--gain applies to --init scaled-normal only (got --init " + init + ")");
        }
        double g = gain == null ? 1 : gain;
        if (!(g > 0) || Double.isInfinite(g)) throw new ParameterException(spec.commandLine(), "Invalid value for option '--gain': expected a positive number but was " + g);
        int[] widths = widths();
        try {
            return new MlpSpec(inputs, widths, classes, activation.activation, norm.kind,
                    placement == PlacementChoice.after ? Placement.AFTER_ACTIVATION : Placement.BEFORE_ACTIVATION, init.initializer(g), zeroBias);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + (depth == null ? "--hidden" : "--width") + "': " + e.getMessage());
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
        requireMlpForMlpFlags();
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

    /** "weights kaiming_normal(...), biases 0" when the MLP's hidden layers are not initialized PyTorch's way, else null. */
    String initNote() {
        Initializer i = init.initializer(gain == null ? 1 : gain);
        if (i == null && !zeroBias) return null;
        return "weights " + (i == null ? "torch_default" : i) + (zeroBias ? ", biases 0" : "");
    }

    /** The model in one line, for records: the MLP spec, or the family and its main sizes. */
    String describe(Dataset train) {
        if (arch == Architecture.mlp) return spec(train.featureCount(), train.numClasses()).toString();
        return arch + " (input " + Arrays.toString(train.sampleShape()) + ", " + train.numClasses() + " classes"
                + (arch == Architecture.cnn ? ", norm " + norm : ", hidden " + rnnHidden) + ")";
    }

    /** The initialization and width flags shape an MLP only. */
    private void requireMlpForMlpFlags() {
        if (arch != Architecture.mlp && (init != InitChoice.TORCH_DEFAULT || gain != null || zeroBias || depth != null || width != null)) {
            throw new ParameterException(spec.commandLine(), "--init, --gain, --zero-bias, --depth and --width apply to --arch mlp only (got --arch " + arch + ")");
        }
    }

    private int[] widths() {
        if (depth == null) {
            if (width != null) throw new ParameterException(spec.commandLine(), "--width needs --depth (or give the widths with --hidden)");
            return hidden == null ? DEFAULT_HIDDEN.clone() : hidden.stream().mapToInt(Integer::intValue).toArray();
        }
        if (hidden != null) throw new ParameterException(spec.commandLine(), "--hidden and --depth are alternatives: give one of them");
        if (depth < 1) throw new ParameterException(spec.commandLine(), "Invalid value for option '--depth': expected an integer >= 1 but was " + depth);
        int[] w = new int[depth];
        Arrays.fill(w, width == null ? DEFAULT_WIDTH : width);
        return w;
    }
}
