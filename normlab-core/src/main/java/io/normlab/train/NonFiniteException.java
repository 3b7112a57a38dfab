package io.normlab.train;

/**
 * Training produced NaN or infinity: the loss of a step, or (with clipping on) the global
 * gradient norm. The message names the quantity, the step and the epoch.
 */
public class NonFiniteException extends ArithmeticException {
    private final int step;
    private final int epoch;

    public NonFiniteException(String quantity, double value, int step, int epoch) {
        super("non-finite " + quantity + " (" + value + ") at step " + step + " (epoch " + epoch + ", counted from 0): "
                + "training diverged; lower the learning rate, clip the gradients or normalize the inputs and layers");
        this.step = step;
        this.epoch = epoch;
    }

    /** The optimizer step (from 0) whose loss or gradient was not finite; no update was applied. */
    public int step() {
        return step;
    }

    public int epoch() {
        return epoch;
    }
}
