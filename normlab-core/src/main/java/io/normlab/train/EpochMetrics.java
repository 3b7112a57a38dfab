package io.normlab.train;

/**
 * What one epoch of {@link Trainer#fit} measured.
 *
 * @param epoch         index from 0
 * @param steps         optimizer steps taken so far, over all epochs
 * @param trainLoss     mean cross-entropy over the epoch's training samples, as measured during
 *                      the steps (train mode, weights changing along the epoch)
 * @param trainAccuracy fraction of the epoch's training samples classified correctly, likewise
 * @param valLoss       mean cross-entropy on the validation set after the epoch (eval mode); NaN without one
 * @param valAccuracy   validation accuracy after the epoch; NaN without a validation set
 * @param learningRate  learning rate of the epoch's last step
 * @param seconds       wall time of the epoch, validation included
 */
public record EpochMetrics(int epoch, int steps, double trainLoss, double trainAccuracy,
                           double valLoss, double valAccuracy, double learningRate, double seconds) {
    public boolean hasValidation() {
        return !Double.isNaN(valAccuracy);
    }
}
