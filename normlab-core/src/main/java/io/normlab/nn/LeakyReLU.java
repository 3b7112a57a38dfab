package io.normlab.nn;

import io.normlab.autograd.Activations;
import io.normlab.autograd.Var;

/**
 * Elementwise leaky rectifier {@code y = x} for x &gt; 0, else {@code slope * x}, any shape
 * (Maas et al. 2013); derivative 1 or {@code slope} (slope at x = 0). Default slope 0.01, as
 * PyTorch's {@code negative_slope}. No parameters; same in train and eval mode.
 */
public final class LeakyReLU extends Module {
    /** PyTorch's default negative slope. */
    public static final float DEFAULT_SLOPE = 0.01f;

    private final float slope;

    /** Slope 0.01. */
    public LeakyReLU() {
        this(DEFAULT_SLOPE);
    }

    public LeakyReLU(float slope) {
        if (!Float.isFinite(slope)) throw new IllegalArgumentException("LeakyReLU: slope must be finite, got " + slope);
        this.slope = slope;
    }

    public float slope() {
        return slope;
    }

    @Override
    protected Var compute(Var x) {
        return Activations.leakyRelu(x, slope);
    }

    @Override
    protected String describe() {
        return "negative_slope=" + slope;
    }
}
