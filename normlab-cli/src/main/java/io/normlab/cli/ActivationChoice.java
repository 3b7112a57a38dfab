package io.normlab.cli;

import io.normlab.nn.GELU;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sigmoid;
import io.normlab.nn.Tanh;
import java.util.function.Supplier;

/**
 * The activation layers the CLI offers. Constant names are the flag values, hence lower case.
 */
enum ActivationChoice {
    relu(ReLU::new),
    tanh(Tanh::new),
    sigmoid(Sigmoid::new),
    gelu(GELU::new);

    private final Supplier<Module> factory;

    ActivationChoice(Supplier<Module> factory) {
        this.factory = factory;
    }

    /** A new activation layer. */
    Module module() {
        return factory.get();
    }
}
