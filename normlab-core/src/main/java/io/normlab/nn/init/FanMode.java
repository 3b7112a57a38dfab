package io.normlab.nn.init;

/**
 * Which fan a variance-preserving initializer divides by (torch's {@code mode}): {@code FAN_IN}
 * keeps the forward activations' variance, {@code FAN_OUT} the backward gradients'. See
 * {@link Init#fanIn} and {@link Init#fanOut}.
 */
public enum FanMode {
    FAN_IN,
    FAN_OUT
}
