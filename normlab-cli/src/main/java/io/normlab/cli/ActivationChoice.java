package io.normlab.cli;

import io.normlab.models.Activation;

/** The activations the CLI offers. Constant names are the flag values, hence lower case. */
enum ActivationChoice {
    relu(Activation.RELU), tanh(Activation.TANH), sigmoid(Activation.SIGMOID), gelu(Activation.GELU),
    leaky_relu(Activation.LEAKY_RELU), identity(Activation.IDENTITY);

    final Activation activation;

    ActivationChoice(Activation activation) {
        this.activation = activation;
    }
}
