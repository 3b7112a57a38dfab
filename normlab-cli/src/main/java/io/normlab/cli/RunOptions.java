package io.normlab.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every training subcommand shares: the seed and the thread count. */
final class RunOptions {
    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of every random choice (initialization, split, shuffling); same seed, same result (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadOptions threadOptions;

    /** Applies the thread count; returns it. */
    int applyThreads() {
        return threadOptions.apply();
    }
}
