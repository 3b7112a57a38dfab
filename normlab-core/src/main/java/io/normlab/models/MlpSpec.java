package io.normlab.models;

import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.Sequential;
import io.normlab.nn.init.Init;
import io.normlab.nn.init.Initializer;
import io.normlab.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multi-layer perceptron as a value: for each hidden width w, a block {@code Linear(prev, w)},
 * then the normalization and the activation in the order {@code placement} gives; then
 * {@code Linear(prev, classes)} producing logits. Built as a {@link Sequential}, so state-dict
 * names follow PyTorch ({@code 0.weight}, {@code 1.running_mean}, ...).
 *
 * <p>{@code hiddenInit} initializes the hidden Linear weights (null: PyTorch's default);
 * {@code zeroHiddenBias} sets hidden biases to 0 (as the exploding-gradient setups do). The
 * output layer always uses PyTorch's default.
 */
public record MlpSpec(int inputs, int[] hidden, int classes, Activation activation, NormKind norm,
                      Placement placement, Initializer hiddenInit, boolean zeroHiddenBias) {
    public MlpSpec {
        if (inputs < 1 || classes < 1) throw new IllegalArgumentException("MLP: inputs and classes must be >= 1, got " + inputs + ", " + classes);
        hidden = hidden.clone();
        for (int w : hidden) if (w < 1) throw new IllegalArgumentException("MLP: hidden widths must be >= 1, got " + Arrays.toString(hidden));
        if (activation == null || norm == null || placement == null) throw new IllegalArgumentException("MLP: activation, norm and placement are required");
    }

    /** {@code depth} hidden layers of {@code width}, PyTorch default init, norm before the activation. */
    public static MlpSpec of(int inputs, int depth, int width, int classes, Activation activation, NormKind norm) {
        int[] h = new int[depth];
        Arrays.fill(h, width);
        return new MlpSpec(inputs, h, classes, activation, norm, Placement.BEFORE_ACTIVATION, null, false);
    }

    public MlpSpec withPlacement(Placement p) {
        return new MlpSpec(inputs, hidden, classes, activation, norm, p, hiddenInit, zeroHiddenBias);
    }

    public MlpSpec withHiddenInit(Initializer init, boolean zeroBias) {
        return new MlpSpec(inputs, hidden, classes, activation, norm, placement, init, zeroBias);
    }

    public MlpSpec withNorm(NormKind n) {
        return new MlpSpec(inputs, hidden, classes, activation, n, placement, hiddenInit, zeroHiddenBias);
    }

    public MlpSpec withActivation(Activation a) {
        return new MlpSpec(inputs, hidden, classes, a, norm, placement, hiddenInit, zeroHiddenBias);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** Builds the network, drawing every random number from {@code rng}. */
    public Sequential build(Rng rng) {
        List<Module> layers = new ArrayList<>();
        int prev = inputs;
        for (int w : hidden) {
            Linear lin = new Linear(prev, w, rng);
            if (hiddenInit != null) hiddenInit.fill(lin.weight().value(), rng);
            if (zeroHiddenBias) Init.zeros(lin.bias().value());
            layers.add(lin);
            Module n = norm.forFeatures(w);
            if (placement == Placement.AFTER_ACTIVATION) layers.add(activation.create());
            if (n != null) layers.add(n);
            if (placement == Placement.BEFORE_ACTIVATION) layers.add(activation.create());
            prev = w;
        }
        layers.add(new Linear(prev, classes, rng));
        return new Sequential(layers);
    }

    @Override
    public String toString() {
        return "MLP(" + inputs + " -> " + Arrays.toString(hidden) + " -> " + classes + ", " + activation + ", norm " + norm
                + (norm == NormKind.NONE ? "" : " " + placement) + ", init " + (hiddenInit == null ? "torch_default" : hiddenInit)
                + (zeroHiddenBias ? ", zero hidden bias" : "") + ")";
    }
}
