package io.normlab.cli;

import io.normlab.models.MlpSpec;
import io.normlab.models.Placement;
import io.normlab.nn.Sequential;
import io.normlab.tensor.Rng;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A multi-layer perceptron from flags ({@link MlpSpec}): for each hidden width w,
 * {@code Linear(prev, w)}, the normalization layer (if any) and the activation in the chosen order;
 * then {@code Linear(prev, classes)} giving logits. Hidden widths come from {@code --hidden} or from
 * {@code --depth} and {@code --width}; {@code --init}, {@code --gain} and {@code --zero-bias} set
 * the hidden layers' initialization (the output layer keeps PyTorch's default).
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

    Sequential build(int inputs, int classes, Rng rng) {
        return spec(inputs, classes).build(rng);
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
