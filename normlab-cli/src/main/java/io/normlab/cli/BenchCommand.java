package io.normlab.cli;

import io.normlab.cli.bench.BenchReport;
import io.normlab.cli.bench.BenchResult;
import io.normlab.cli.bench.BenchRunner;
import io.normlab.cli.bench.Workload;
import io.normlab.cli.bench.Workloads;
import io.normlab.tensor.Backend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code normlab bench}: runs the WORKLOADS.md kernel and training workloads in-process and reports medians. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the benchmark workloads of shared/anchors/WORKLOADS.md (GEMM, normalization kernels, memory bandwidth,",
                "training steps) in this JVM: warm-up, then the median of at least --reps repetitions, with peak memory."},
        footer = {"", "Workloads: gemm-256 gemm-512 gemm-1024 gemm-2048 bn2d ln gn in2d stream-copy stream-scale stream-triad",
                "  mlp-deep-bn mlp-deep-plain cnn-small-bn cnn-small-gn lstm-plain lstm-ln (a family name such as 'gemm' selects all of it).",
                "Peak RSS is the process's high-water mark: run one workload per command for a per-workload figure.",
                "Example: normlab bench gemm-1024 bn2d cnn-small-bn --threads 1,2"})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKLOAD", arity = "0..*", description = "Workloads to run (default: all).")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--threads", split = ",", paramLabel = "N", description = "Thread counts to run each workload with, e.g. 1,2 (default: the number of processors).")
    List<Integer> threads = new ArrayList<>();

    @Option(names = "--reps", defaultValue = "7", paramLabel = "N", description = "Minimum timed repetitions (default: ${DEFAULT-VALUE}; at least 0.5 s of them).")
    int reps;

    @Option(names = "--warmup", defaultValue = "2", paramLabel = "SECONDS", description = "Warm-up time per workload (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--json", description = "Print the results as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (reps < 5) throw new ParameterException(spec.commandLine(), "Invalid value for option '--reps': expected an integer >= 5 but was " + reps);
        if (!(warmup >= 0)) throw new ParameterException(spec.commandLine(), "Invalid value for option '--warmup': expected seconds >= 0 but was " + warmup);
        List<Integer> counts = threads.isEmpty() ? List.of(Runtime.getRuntime().availableProcessors()) : threads;
        for (int t : counts) {
            if (t < 1) throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + t);
        }
        List<String> names = workloads.isEmpty() ? Workloads.names() : workloads;
        try {
            Workloads.select(names);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.println("kernels: " + Backend.describe());
            out.print(BenchReport.header());
            out.flush();
        }
        BenchRunner runner = new BenchRunner(reps, warmup);
        List<BenchResult> results = new ArrayList<>();
        for (Workload w : Workloads.select(names)) {
            for (int t : counts) {
                BenchResult r = runner.measure(Workloads.create(w.name()), t);
                results.add(r);
                if (!json) {
                    out.print(BenchReport.row(r));
                    out.flush();
                }
            }
        }
        if (json) out.print(BenchReport.json(Backend.describe(), results));
        out.flush();
        return 0;
    }
}
