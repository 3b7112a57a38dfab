package io.normlab.cli;

import io.normlab.tensor.Parallel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --threads}: worker threads for the tensor kernels (results do not depend on it). */
final class ThreadOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads for the tensor kernels (default: the number of processors). Results are bit-identical for any value.")
    Integer threads;

    /** Applies the thread count; returns it. */
    int apply() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + n);
        Parallel.setThreads(n);
        return n;
    }
}
