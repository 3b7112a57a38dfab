package io.normlab.bench;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** gemm-N of WORKLOADS.md: C = A x B, square N. GFLOP/s = 2 N^3 / time. */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GemmBenchmark {
    @Param({"256", "512", "1024"})
    public int n;

    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setup() {
        Rng rng = new Rng(1);
        a = Tensor.randn(rng, n, n).data();
        b = Tensor.randn(rng, n, n).data();
        c = new float[n * n];
    }

    @Benchmark
    public float[] gemm() {
        Gemm.current().gemm(false, false, n, n, n, a, 0, b, 0, c, 0, false);
        return c;
    }
}
