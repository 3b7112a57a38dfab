package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Parallel;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Outputs, gradients and running statistics are bit-identical with 1 and 2 threads. */
class ThreadDeterminismTest {
    /** Everything a forward and backward produce, for inputs big enough to be cut into many chunks. */
    private static List<Tensor> run(Supplier<Module> make, int... shape) {
        Rng rng = new Rng(8);
        Module m = make.get();
        LayerGradCheckTest.randomize(m, rng);
        Var x = Var.param(Tensor.randn(rng, 0.3f, 2f, shape));
        Var y = m.forward(x);
        y.backward(Tensor.randn(rng, shape));
        List<Tensor> out = new ArrayList<>(List.of(y.value(), x.grad()));
        for (Var p : m.parameters()) out.add(p.grad());
        out.addAll(m.namedBuffers().values());
        return out;
    }

    private static void sameWithOneAndTwoThreads(String name, Supplier<Module> make, int... shape) {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            List<Tensor> one = run(make, shape);
            Parallel.setThreads(2);
            List<Tensor> two = run(make, shape);
            for (int i = 0; i < one.size(); i++) Checks.identical(name + " result " + i, one.get(i), two.get(i));
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void bitIdenticalAcrossThreadCounts() {
        sameWithOneAndTwoThreads("BatchNorm2d", () -> new BatchNorm2d(16), 8, 16, 24, 24);
        sameWithOneAndTwoThreads("BatchNorm1d", () -> new BatchNorm1d(300), 256, 300);
        sameWithOneAndTwoThreads("LayerNorm", () -> new LayerNorm(384), 300, 384);
        sameWithOneAndTwoThreads("RMSNorm", () -> new RMSNorm(384), 300, 384);
        sameWithOneAndTwoThreads("GroupNorm", () -> new GroupNorm(4, 16), 8, 16, 24, 24);
        sameWithOneAndTwoThreads("InstanceNorm2d", () -> new InstanceNorm2d(16, NormOptions.instanceNorm().withAffine(true)), 8, 16, 24, 24);
        sameWithOneAndTwoThreads("SwitchableNorm", () -> new SwitchableNorm(16), 8, 16, 24, 24);
        sameWithOneAndTwoThreads("BatchInstanceNorm", () -> new BatchInstanceNorm(16), 8, 16, 24, 24);
    }
}
