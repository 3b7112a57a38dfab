package io.normlab.diagnostics;

import io.normlab.nn.GELU;
import io.normlab.nn.LeakyReLU;
import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sigmoid;
import io.normlab.nn.Tanh;
import io.normlab.nn.norm.BatchInstanceNorm;
import io.normlab.nn.norm.BatchNorm;
import io.normlab.nn.norm.GroupNorm;
import io.normlab.nn.norm.InstanceNorm;
import io.normlab.nn.norm.LayerNorm;
import io.normlab.nn.norm.RMSNorm;
import io.normlab.nn.norm.SwitchableNorm;
import io.normlab.nn.norm.WeightNormLinear;
import java.util.regex.Pattern;

/**
 * What a module is, as far as the diagnostics care: a weight layer (starts a block), a
 * normalization, an activation of a given family, a recurrent layer, a container or something else.
 *
 * <p>{@link #of} classifies by type for the layers of {@code io.normlab.nn} and
 * {@code io.normlab.nn.norm}: {@link Linear} and {@link WeightNormLinear} are weight layers;
 * {@link BatchNorm} (1d, 2d, {@code BatchRenorm}) and {@link BatchInstanceNorm} batch norms (their
 * statistics need a batch); {@link LayerNorm}, {@link GroupNorm}, {@link InstanceNorm},
 * {@link RMSNorm}, {@link SwitchableNorm} other norms; {@link Sigmoid}, {@link Tanh}, {@link ReLU},
 * {@link LeakyReLU}, {@link GELU} activations. Other classes (user modules, packages that land
 * later) go by simple name: {@code Conv1d/2d/3d}, {@code BatchNorm*}, {@code BatchRenorm*}, names
 * ending in {@code Norm} or {@code Norm1d/2d/3d}, ELU/SiLU/Softplus/Mish, and recurrent layers (name
 * ending in RNN, LSTM, GRU, optionally followed by Cell, or any class of package
 * {@code io.normlab.nn.rnn}).
 */
public enum LayerKind {
    /** Linear or convolution: a weight matrix or kernel; each one starts a block ("hidden layer"). */
    WEIGHT,
    /** Batch normalization (statistics over the batch): batch-size and recurrence checks apply. */
    BATCH_NORM,
    /** Any other normalization (layer, group, instance, RMS, switchable, ...). */
    NORM,
    /** Logistic sigmoid: saturated when y &lt; 0.01 or y &gt; 0.99. */
    SIGMOID,
    /** Hyperbolic tangent: saturated when |y| &gt; 0.99. */
    TANH,
    /** Rectifier max(0, x): a unit is dead when it is zero for the whole batch. */
    RELU,
    /** Another activation (LeakyReLU, GELU, ...): neither saturates nor dies. */
    OTHER_ACTIVATION,
    /** A recurrent layer or cell (RNN, LSTM, GRU). */
    RECURRENT,
    /** A module with children and no parameters of its own (Sequential, blocks). */
    CONTAINER,
    /** Anything else (Dropout, Identity, reshapes, ...). */
    OTHER;

    private static final Pattern RECURRENT_NAME = Pattern.compile(".*(RNN|LSTM|GRU)(Cell)?");

    /** The kind of {@code m}. */
    public static LayerKind of(Module m) {
        if (m instanceof Linear || m instanceof WeightNormLinear) return WEIGHT;
        if (m instanceof BatchNorm || m instanceof BatchInstanceNorm) return BATCH_NORM;
        if (m instanceof LayerNorm || m instanceof GroupNorm || m instanceof InstanceNorm || m instanceof RMSNorm
                || m instanceof SwitchableNorm) return NORM;
        if (m instanceof Sigmoid) return SIGMOID;
        if (m instanceof Tanh) return TANH;
        if (m instanceof ReLU) return RELU;
        if (m instanceof LeakyReLU || m instanceof GELU) return OTHER_ACTIVATION;
        String name = m.getClass().getSimpleName();
        Package pkg = m.getClass().getPackage();
        if (RECURRENT_NAME.matcher(name).matches() || (pkg != null && pkg.getName().equals("io.normlab.nn.rnn"))) return RECURRENT;
        if (name.matches("Conv(Transpose)?[123]d")) return WEIGHT;
        if (name.startsWith("BatchNorm") || name.startsWith("BatchRenorm")) return BATCH_NORM;
        if (name.endsWith("Norm") || name.matches(".*Norm[123]d")) return NORM;
        switch (name) {
            case "ELU": case "SiLU": case "Softplus": case "Mish": return OTHER_ACTIVATION;
            default: break;
        }
        if (!m.children().isEmpty()) return m.namedParameters().keySet().stream().anyMatch(k -> !k.contains(".")) ? OTHER : CONTAINER;
        return OTHER;
    }

    /** True for SIGMOID and TANH. */
    public boolean saturates() {
        return this == SIGMOID || this == TANH;
    }

    /** True for every activation kind. */
    public boolean isActivation() {
        return this == SIGMOID || this == TANH || this == RELU || this == OTHER_ACTIVATION;
    }

    /** True for BATCH_NORM and NORM. */
    public boolean isNorm() {
        return this == BATCH_NORM || this == NORM;
    }
}
