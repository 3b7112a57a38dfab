package io.normlab.study;

import io.normlab.nn.Module;
import io.normlab.tensor.Rng;
import java.util.Map;
import java.util.function.Function;

/**
 * One condition of a controlled experiment: a model built from the run's random stream, the task
 * and the training. Every arm of a study is run with the same seeds, so arms of the same shape
 * start from the same weights and see the same batches.
 *
 * @param name      unique within the study, e.g. "sigmoid/batch"
 * @param task      the data
 * @param model     builds the model from the run's model stream
 * @param train     how it trains
 * @param inspector reads extra per-run quantities from the trained model (e.g. Switchable
 *                  Normalization's learned mix), or null
 */
public record Arm(String name, Task task, Function<Rng, Module> model, TrainSpec train, Inspector inspector) {
    /** Reads named values from a model after training. */
    @FunctionalInterface
    public interface Inspector {
        Map<String, double[]> inspect(Module trained);
    }

    public static Arm of(String name, Task task, Function<Rng, Module> model, TrainSpec train) {
        return new Arm(name, task, model, train, null);
    }

    public Arm withInspector(Inspector i) {
        return new Arm(name, task, model, train, i);
    }
}
