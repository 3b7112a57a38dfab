package io.normlab.nn.init;

import java.util.Arrays;
import java.util.Locale;

/**
 * The activation that follows a layer, with PyTorch's recommended gain
 * ({@code torch.nn.init.calculate_gain}): the factor by which an initializer scales its standard
 * deviation so the activation does not shrink or grow the signal on average.
 * <pre>
 * LINEAR, SIGMOID  1
 * TANH             5/3
 * RELU             sqrt(2)
 * LEAKY_RELU       sqrt(2 / (1 + slope^2))   (slope 0.01 by default)
 * SELU             3/4
 * </pre>
 */
public enum Nonlinearity {
    LINEAR, SIGMOID, TANH, RELU, LEAKY_RELU, SELU;

    /** The gain with default parameters (LEAKY_RELU: slope 0.01). */
    public double gain() {
        return gain(0.01);
    }

    /** The gain; {@code slope} is the leaky ReLU's negative slope and is ignored otherwise. */
    public double gain(double slope) {
        switch (this) {
            case TANH: return 5.0 / 3.0;
            case RELU: return Math.sqrt(2.0);
            case LEAKY_RELU: return Math.sqrt(2.0 / (1 + slope * slope));
            case SELU: return 3.0 / 4.0;
            default: return 1.0;
        }
    }

    /** PyTorch's name, e.g. {@code leaky_relu}. */
    public String torchName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up a PyTorch name ({@code relu}, {@code tanh}, ...); the error lists the valid ones. */
    public static Nonlinearity fromName(String name) {
        for (Nonlinearity n : values()) if (n.torchName().equals(name)) return n;
        throw new IllegalArgumentException("unknown nonlinearity '" + name + "', expected one of "
                + Arrays.stream(values()).map(Nonlinearity::torchName).toList());
    }
}
