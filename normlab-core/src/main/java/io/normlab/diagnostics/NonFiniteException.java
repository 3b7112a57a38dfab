package io.normlab.diagnostics;

/**
 * A NaN or infinity appeared. Names the first layer and step that produced it and the phase:
 * FORWARD (a layer's output, or the model input), BACKWARD (a layer's backward produced a
 * non-finite input gradient, or a non-finite weight gradient), UPDATE (the optimizer step made a
 * weight non-finite).
 */
public final class NonFiniteException extends ArithmeticException {
    /** Where in the training step the value appeared. */
    public enum Phase { FORWARD, BACKWARD, UPDATE }

    private final String layerPath;
    private final String layerType;
    private final int step;
    private final Phase phase;

    public NonFiniteException(String what, String layerPath, String layerType, int step, Phase phase, String detail) {
        super("non-finite " + what + " in layer '" + layerPath + "' (" + layerType + ") at step " + step + ", "
                + phase.name().toLowerCase() + (detail.isEmpty() ? "" : ": " + detail));
        this.layerPath = layerPath;
        this.layerType = layerType;
        this.step = step;
        this.phase = phase;
    }

    /** Path of the layer that produced the value ("" for the model itself). */
    public String layerPath() {
        return layerPath;
    }

    /** Class simple name of that layer. */
    public String layerType() {
        return layerType;
    }

    /** The step at which it happened. */
    public int step() {
        return step;
    }

    public Phase phase() {
        return phase;
    }

    /** The same facts as a value, for records and reports. */
    public NonFiniteEvent event() {
        return new NonFiniteEvent(layerPath, layerType, step, phase, getMessage());
    }
}
