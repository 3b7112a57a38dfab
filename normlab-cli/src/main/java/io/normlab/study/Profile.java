package io.normlab.study;

/**
 * Gradient flow at one training step, per hidden layer l = 1 (nearest the input) .. L, as the
 * diagnostics {@code Monitor} and {@code Diagnoser} measure it: {@code ||dL/dh_l||} (h_l the
 * block's output), {@code ||dL/dW_l||} of the block's weight layer, the saturated share of its
 * sigmoid/tanh outputs (NaN without one), and for recurrent models {@code ||dL/dh_t||} through time.
 *
 * @param step       training step (0 = at initialization, before any update)
 * @param actGrad    activation-gradient norm per hidden layer
 * @param weightGrad weight-gradient norm per hidden layer
 * @param saturation saturated share per hidden layer
 * @param timeGrad   gradient norm per time step t = 1..T, or an empty array
 */
public record Profile(int step, double[] actGrad, double[] weightGrad, double[] saturation, double[] timeGrad) {
    public Profile {
        actGrad = actGrad.clone();
        weightGrad = weightGrad.clone();
        saturation = saturation.clone();
        timeGrad = timeGrad.clone();
    }

    @Override
    public double[] actGrad() {
        return actGrad.clone();
    }

    @Override
    public double[] weightGrad() {
        return weightGrad.clone();
    }

    @Override
    public double[] saturation() {
        return saturation.clone();
    }

    @Override
    public double[] timeGrad() {
        return timeGrad.clone();
    }

    /** ||dL/dh_1|| / ||dL/dh_L||: below 1 the gradient shrinks toward the input. */
    public double actRatio() {
        return actGrad.length == 0 ? Double.NaN : actGrad[0] / actGrad[actGrad.length - 1];
    }

    /** ||dL/dW_1|| / ||dL/dW_L||. */
    public double weightRatio() {
        return weightGrad.length == 0 ? Double.NaN : weightGrad[0] / weightGrad[weightGrad.length - 1];
    }

    /** ||dL/dh_1|| / ||dL/dh_T|| through time. */
    public double timeRatio() {
        return timeGrad.length == 0 ? Double.NaN : timeGrad[0] / timeGrad[timeGrad.length - 1];
    }
}
