package io.normlab.bench;

import io.normlab.autograd.Var;
import io.normlab.nn.conv.Conv2d;
import io.normlab.nn.conv.ConvSpec;
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
 * The two convolutions of cnn-small (WORKLOADS.md), 3x3 with padding 1, forward + backward (dx,
 * dW) with a random upstream gradient: conv1 1 -> 32 channels on 28x28, conv2 32 -> 64 on 14x14,
 * batch 64 (cnn-small-bn) or 4 (cnn-small-gn).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {Jvm.VECTOR, Jvm.COLLECTOR, Jvm.YOUNG})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConvBenchmark {
    /** "in,out,size". */
    @Param({"1,32,28", "32,64,14"})
    public String conv;

    @Param({"64", "4"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    private Conv2d layer;
    private Var x;
    private Tensor dy;

    @Setup
    public void setup() {
        String[] p = conv.split(",");
        int in = Integer.parseInt(p[0]), out = Integer.parseInt(p[1]), size = Integer.parseInt(p[2]);
        Parallel.setThreads(threads);
        Rng rng = new Rng(3);
        layer = new Conv2d(in, out, 3, ConvSpec.of(1, 1), false, rng);
        x = Var.param(Tensor.randn(rng, batch, in, size, size));
        dy = Tensor.randn(rng, batch, out, size, size);
    }

    @Benchmark
    public Tensor forwardBackward() {
        layer.zeroGrad();
        x.zeroGrad();
        layer.forward(x).backward(dy);
        return x.grad();
    }
}
