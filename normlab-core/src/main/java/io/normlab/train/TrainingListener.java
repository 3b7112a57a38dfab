package io.normlab.train;

/**
 * Observes a {@link Trainer}. Calls, in order: for every training step {@link #onStep} (after the
 * optimizer update, the model's after-step constraints and the monitor's end of step), then, at the end of every epoch and after validation, {@link #onEpochEnd}.
 * Steps and epochs are counted from 0. Listeners must not modify the model.
 */
public interface TrainingListener {
    /** After optimizer step {@code step}; {@code loss} is that batch's mean training loss. */
    default void onStep(int step, double loss) {}

    /** After epoch {@code epoch} and its validation. */
    default void onEpochEnd(int epoch, EpochMetrics metrics) {}
}
