package io.normlab.models;

import io.normlab.nn.GELU;
import io.normlab.nn.Identity;
import io.normlab.nn.LeakyReLU;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sigmoid;
import io.normlab.nn.Tanh;
import java.util.function.Supplier;

/** The activations a model spec can name; {@link #IDENTITY} makes a linear network. */
public enum Activation {
    RELU(ReLU::new), TANH(Tanh::new), SIGMOID(Sigmoid::new), GELU(GELU::new), LEAKY_RELU(LeakyReLU::new), IDENTITY(Identity::new);

    private final Supplier<Module> factory;

    Activation(Supplier<Module> factory) {
        this.factory = factory;
    }

    /** A new activation layer. */
    public Module create() {
        return factory.get();
    }

    /** True for sigmoid and tanh, whose slope vanishes away from 0. */
    public boolean saturating() {
        return this == SIGMOID || this == TANH;
    }
}
