package io.normlab.cli;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code normlab train} shows and keeps besides the metrics: the progress bar, the gradient
 * monitor (NaN naming, per-epoch health line, {@code --record} file), checkpoints and resume.
 */
final class TrainOutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar during each epoch (default: only when the output is a terminal).")
    Boolean progress;

    @Option(names = "--monitor", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Watch gradient flow: name the layer and step of a NaN/infinity, print a gradient-health line per epoch (default: on).")
    boolean monitor;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Write the monitor's per-layer statistics of every recorded step to FILE (.json or .csv), atomically, at the end of the run.")
    Path record;

    @Option(names = "--record-every", paramLabel = "K",
            description = "Record the statistics of every K-th step, from step 0 (default: 10, or the steps per epoch when fewer); NaN/infinity is checked on every step.")
    Integer recordEvery;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Save model, optimizer and counters to FILE (.safetensors) after every epoch, atomically.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run saved in FILE (same data, model and optimizer flags); the result is bit-identical to an uninterrupted run.")
    Path resume;

    void validate() {
        if (recordEvery != null && recordEvery < 1) throw new ParameterException(spec.commandLine(), "Invalid value for option '--record-every': expected an integer >= 1 but was " + recordEvery);
        if (record != null && !monitor) throw new ParameterException(spec.commandLine(), "--record needs the monitor (drop --no-monitor)");
        if (record != null) {
            String name = record.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".json") && !name.endsWith(".csv")) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--record': expected a .json or .csv file but was '" + record + "'");
            }
        }
    }

    /** K of {@code --record-every}; by default 10, but at most the steps per epoch so that every epoch has a recorded step. */
    int recordEvery(int stepsPerEpoch) {
        return recordEvery != null ? recordEvery : Math.max(1, Math.min(10, stepsPerEpoch));
    }

    /** The bar is drawn when asked, or by default when standard output is a terminal. */
    boolean progressEnabled() {
        return progress != null ? progress : System.console() != null;
    }
}
