package io.normlab.cli;

import io.normlab.tensor.Parallel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every computing subcommand shares: the seed and the thread count. */
final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of every random choice (initialization, split, shuffling); same seed, same result (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads for the tensor kernels (default: the number of processors). Results are bit-identical for any value.")
    Integer threads;

    /** Applies the thread count; returns it. */
    int applyThreads() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + n);
        Parallel.setThreads(n);
        return n;
    }
}
