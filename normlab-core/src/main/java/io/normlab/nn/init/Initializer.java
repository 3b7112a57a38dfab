package io.normlab.nn.init;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.Locale;

/**
 * One initialization scheme as a value: {@link #fill} overwrites a tensor in place (see
 * {@link Init} for the formulas and fan rules). {@link #toString()} names the scheme and its
 * parameters (e.g. {@code kaiming_normal(a=0.0, FAN_IN, relu)}), so results can record it.
 * Used to initialize whole models, e.g. {@code io.normlab.nn.ModelInit.applyToLinears}.
 */
@FunctionalInterface
public interface Initializer {
    /** Overwrites {@code t} in place, drawing from {@code rng}. */
    void fill(Tensor t, Rng rng);

    /** PyTorch's default Linear/Conv weight: kaiming_uniform(a = sqrt(5)) = U(+-1/sqrt(fan_in)). */
    static Initializer torchDefault() {
        return named("torch_default", (t, r) -> Init.torchDefault(t, null, r));
    }

    static Initializer xavierUniform(double gain) {
        return named("xavier_uniform(gain=" + gain + ")", (t, r) -> Init.xavierUniform(t, gain, r));
    }

    static Initializer xavierNormal(double gain) {
        return named("xavier_normal(gain=" + gain + ")", (t, r) -> Init.xavierNormal(t, gain, r));
    }

    static Initializer kaimingUniform(double a, FanMode mode, Nonlinearity nonlinearity) {
        return named("kaiming_uniform(a=" + a + ", " + mode + ", " + nonlinearity.torchName() + ")",
                (t, r) -> Init.kaimingUniform(t, a, mode, nonlinearity, r));
    }

    static Initializer kaimingNormal(double a, FanMode mode, Nonlinearity nonlinearity) {
        return named("kaiming_normal(a=" + a + ", " + mode + ", " + nonlinearity.torchName() + ")",
                (t, r) -> Init.kaimingNormal(t, a, mode, nonlinearity, r));
    }

    static Initializer orthogonal(double gain) {
        return named("orthogonal(gain=" + gain + ")", (t, r) -> Init.orthogonal(t, gain, r));
    }

    /** N(0, gain^2 / fan_in). */
    static Initializer scaledNormal(double gain) {
        return named("scaled_normal(gain=" + gain + ")", (t, r) -> Init.scaledNormal(t, gain, r));
    }

    static Initializer normal(double mean, double std) {
        return named("normal(mean=" + mean + ", std=" + std + ")", (t, r) -> Init.normal(t, mean, std, r));
    }

    static Initializer uniform(double low, double high) {
        return named("uniform(" + low + ", " + high + ")", (t, r) -> Init.uniform(t, low, high, r));
    }

    static Initializer constant(double value) {
        return named("constant(" + value + ")", (t, r) -> Init.constant(t, value));
    }

    static Initializer zeros() {
        return named("zeros", (t, r) -> Init.zeros(t));
    }

    /**
     * A scheme by name, for command lines: {@code torch_default}, {@code xavier_uniform},
     * {@code xavier_normal} (gain 1), {@code kaiming_uniform}, {@code kaiming_normal} (FAN_IN,
     * for ReLU: gain sqrt(2)), {@code orthogonal} (gain 1), {@code zeros}, or with one number:
     * {@code scaled_normal:<gain>}, {@code normal:<std>} (mean 0). The error lists the valid forms.
     */
    static Initializer parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        Double arg = null;
        if (colon >= 0) {
            try {
                arg = Double.parseDouble(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("initializer '" + spec + "': '" + s.substring(colon + 1) + "' is not a number");
            }
        }
        boolean needsArg = name.equals("scaled_normal") || name.equals("normal");
        if (needsArg != (arg != null)) {
            throw new IllegalArgumentException("initializer '" + spec + "': " + (needsArg ? "needs" : "takes no") + " ':<number>' argument");
        }
        switch (name) {
            case "torch_default": return torchDefault();
            case "xavier_uniform": return xavierUniform(1);
            case "xavier_normal": return xavierNormal(1);
            case "kaiming_uniform": return kaimingUniform(0, FanMode.FAN_IN, Nonlinearity.RELU);
            case "kaiming_normal": return kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.RELU);
            case "orthogonal": return orthogonal(1);
            case "zeros": return zeros();
            case "scaled_normal": return scaledNormal(arg);
            case "normal": return normal(0, arg);
            default:
                throw new IllegalArgumentException("unknown initializer '" + spec + "', expected one of torch_default, xavier_uniform, "
                        + "xavier_normal, kaiming_uniform, kaiming_normal, orthogonal, zeros, scaled_normal:<gain>, normal:<std>");
        }
    }

    /** Wraps {@code fill} with a description returned by {@code toString()}. */
    static Initializer named(String description, Initializer fill) {
        return new Initializer() {
            @Override public void fill(Tensor t, Rng rng) { fill.fill(t, rng); }
            @Override public String toString() { return description; }
        };
    }
}
