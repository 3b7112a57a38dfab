package io.normlab.diagnostics;

/**
 * A NaN or infinity appeared: the one exception for it, thrown by the {@link Monitor} (naming the
 * first layer that produced it) and by {@link io.normlab.train.Trainer} (naming the loss or the
 * global gradient norm when no monitor caught it first). The message names the step and the phase:
 * FORWARD (a layer's output, the model input, or the loss), BACKWARD (a layer's backward produced a
 * non-finite input gradient, a non-finite weight gradient, or the global gradient norm), UPDATE
 * (the optimizer step made a weight non-finite).
 */
public final class NonFiniteException extends ArithmeticException {
    /** Where in the training step the value appeared. */
    public enum Phase { FORWARD, BACKWARD, UPDATE }

    private final String layerPath;
    private final String layerType;
    private final int step;
    private final Phase phase;

    /** A value produced by the layer at {@code layerPath} (class {@code layerType}). */
    public NonFiniteException(String what, String layerPath, String layerType, int step, Phase phase, String detail) {
        this("non-finite " + what + " in layer '" + layerPath + "' (" + layerType + ") at step " + step + ", "
                + phase.name().toLowerCase() + (detail.isEmpty() ? "" : ": " + detail), layerPath, layerType, step, phase);
    }

    private NonFiniteException(String message, String layerPath, String layerType, int step, Phase phase) {
        super(message);
        this.layerPath = layerPath;
        this.layerType = layerType;
        this.step = step;
        this.phase = phase;
    }

    /**
     * A quantity of the whole step that belongs to no single layer (the loss, the global gradient
     * norm): "non-finite loss (NaN) at step 12, forward: detail". {@link #layerPath()} and
     * {@link #layerType()} are null.
     */
    public static NonFiniteException ofQuantity(String quantity, double value, int step, Phase phase, String detail) {
        return new NonFiniteException("non-finite " + quantity + " (" + value + ") at step " + step + ", " + phase.name().toLowerCase()
                + (detail.isEmpty() ? "" : ": " + detail), null, null, step, phase);
    }

    /** Path of the layer that produced the value ("" for the model itself); null for a whole-step quantity. */
    public String layerPath() {
        return layerPath;
    }

    /** Class simple name of that layer; null for a whole-step quantity. */
    public String layerType() {
        return layerType;
    }

    /** The step at which it happened; the Trainer skips that step's update. */
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
