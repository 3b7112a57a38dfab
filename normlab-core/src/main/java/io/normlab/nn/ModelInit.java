package io.normlab.nn;

import io.normlab.nn.init.Init;
import io.normlab.nn.init.Initializer;
import io.normlab.tensor.Rng;

/**
 * Re-initializes the {@link Linear} layers of a model in place, e.g. to build the same MLP with
 * Xavier, He, orthogonal or deliberately mis-scaled weights. Layers are visited in
 * {@link Module#namedModules()} order (depth first, registration order); for each, the weight is
 * filled, then the bias (when present), all from {@code rng}: same seed, same bits.
 */
public final class ModelInit {
    private ModelInit() {}

    /** Fills every Linear's weight with {@code weight} and bias with {@code bias}; returns the number of layers. */
    public static int applyToLinears(Module model, Initializer weight, Initializer bias, Rng rng) {
        int n = 0;
        for (Module m : model.namedModules().values()) {
            if (m instanceof Linear lin) {
                weight.fill(lin.weight().value(), rng);
                if (lin.bias() != null) bias.fill(lin.bias().value(), rng);
                n++;
            }
        }
        return n;
    }

    /** Resets every Linear to PyTorch's default ({@link Init#torchDefault}); returns the number of layers. */
    public static int resetLinears(Module model, Rng rng) {
        int n = 0;
        for (Module m : model.namedModules().values()) {
            if (m instanceof Linear lin) {
                Init.torchDefault(lin.weight().value(), lin.bias() == null ? null : lin.bias().value(), rng);
                n++;
            }
        }
        return n;
    }
}
