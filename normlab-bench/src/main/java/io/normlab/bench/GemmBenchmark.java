package io.normlab.bench;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Parallel;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * gemm-N of WORKLOADS.md, {@code C = A x B} with square N (GFLOP/s = 2 N^3 / time), and the
 * products of the training workloads (MLP, LSTM and conv shapes, some with a transposed operand),
 * through {@link Gemm#current()} with 1 or 2 kernel threads.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR, Jvm.COLLECTOR, Jvm.YOUNG})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GemmBenchmark {
    /**
     * "m,n,k,transA,transB": squares of WORKLOADS.md, then the MLP layer's forward, input gradient and
     * weight gradient (cut into one part per thread), the LSTM step's h W_hh^T (below the parallel
     * threshold) and input-weight gradient over all steps, conv2's forward and transposed weight gradient.
     */
    @Param({"256,256,256,N,N", "512,512,512,N,N", "1024,1024,1024,N,N", "2048,2048,2048,N,N",
            "128,256,256,N,T", "128,256,256,N,N", "256,256,128,T,N", "32,512,128,N,T", "32,512,1600,T,N",
            "64,196,288,N,N", "288,64,196,N,T"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    private int m;
    private int n;
    private int k;
    private boolean transA;
    private boolean transB;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setup() {
        String[] p = shape.split(",");
        m = Integer.parseInt(p[0]);
        n = Integer.parseInt(p[1]);
        k = Integer.parseInt(p[2]);
        transA = p[3].equals("T");
        transB = p[4].equals("T");
        Parallel.setThreads(threads);
        Rng rng = new Rng(1);
        a = Tensor.randn(rng, m * k).data();
        b = Tensor.randn(rng, k * n).data();
        c = new float[m * n];
    }

    @Benchmark
    public float[] gemm() {
        Gemm.current().gemm(transA, transB, m, n, k, a, 0, b, 0, c, 0, false);
        return c;
    }
}
