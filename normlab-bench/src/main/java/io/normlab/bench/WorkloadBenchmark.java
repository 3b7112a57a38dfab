package io.normlab.bench;

import io.normlab.cli.bench.Workload;
import io.normlab.cli.bench.Workloads;
import io.normlab.tensor.Parallel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The WORKLOADS.md kernels (normalization forward + backward: bn2d, ln, gn, in2d) and training
 * steps (mlp-deep, cnn-small, lstm), exactly as {@code normlab bench} defines them
 * ({@link Workloads}), with 1 or 2 kernel threads. Time per operation: a forward + backward, or
 * one training step.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR, Jvm.COLLECTOR, Jvm.YOUNG})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorkloadBenchmark {
    @Param({"bn2d", "ln", "gn", "in2d", "mlp-deep-bn", "mlp-deep-plain", "cnn-small-bn", "cnn-small-gn", "lstm-plain", "lstm-ln"})
    public String workload;

    @Param({"1", "2"})
    public int threads;

    private Workload w;

    @Setup
    public void setup() {
        Parallel.setThreads(threads);
        w = Workloads.create(workload);
        w.setup();
    }

    @Benchmark
    public void run() {
        w.run();
    }

    @TearDown
    public void tearDown() {
        w.tearDown();
    }
}
