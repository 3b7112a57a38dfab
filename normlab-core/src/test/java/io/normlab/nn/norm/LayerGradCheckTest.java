package io.normlab.nn.norm;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every normalization layer passes a gradient check (random upstream gradient, random parameters)
 * with respect to its input and all its parameters, in training and in eval mode. Before the
 * check, three training batches move the running statistics away from (0, 1).
 */
class LayerGradCheckTest {
    private static Arguments layer(String name, Supplier<Module> make, int... shape) {
        return Arguments.of(name, make, shape);
    }

    static Stream<Arguments> layers() {
        NormOptions tracked = NormOptions.instanceNorm().withAffine(true).withTrackRunningStats(true);
        return Stream.of(
                layer("BatchNorm1d (N,C)", () -> new BatchNorm1d(4), 6, 4),
                layer("BatchNorm1d (N,C,L)", () -> new BatchNorm1d(3), 3, 3, 4),
                layer("BatchNorm2d", () -> new BatchNorm2d(3), 3, 3, 2, 3),
                layer("BatchNorm2d no affine", () -> new BatchNorm2d(2, NormOptions.batchNorm().withAffine(false)), 3, 2, 2, 2),
                layer("LayerNorm", () -> new LayerNorm(3, 4), 2, 3, 4),
                layer("LayerNorm no bias", () -> new LayerNorm(new int[] {5}, 1e-5f, true, false), 3, 5),
                layer("RMSNorm", () -> new RMSNorm(new int[] {6}, 1e-6f, true), 4, 6),
                layer("GroupNorm", () -> new GroupNorm(2, 4), 2, 4, 3),
                layer("InstanceNorm1d tracked", () -> new InstanceNorm1d(3, tracked), 2, 3, 5),
                layer("InstanceNorm2d affine", () -> new InstanceNorm2d(3, NormOptions.instanceNorm().withAffine(true)), 2, 3, 2, 3),
                layer("BatchRenorm clipped", () -> renorm(1.5f, 0.5f), 4, 3, 5),
                layer("BatchRenorm as BatchNorm", () -> renorm(1f, 0f), 4, 3, 5),
                layer("SwitchableNorm", () -> new SwitchableNorm(3), 3, 3, 2, 2),
                layer("BatchInstanceNorm", () -> new BatchInstanceNorm(3), 3, 3, 4),
                layer("WeightNormLinear", () -> new WeightNormLinear(4, 3, new Rng(3)), 5, 4));
    }

    /**
     * A BatchRenorm whose r and d stay clipped (running statistics far from the batch's, momentum
     * 0 so the probes of the check do not move them): r and d are then locally constant, as its
     * stop-gradient backward assumes.
     */
    private static BatchRenorm renorm(float rMax, float dMax) {
        BatchRenorm m = new BatchRenorm(3, NormOptions.batchNorm().withMomentum(0f)).setLimits(rMax, dMax);
        m.runningMean().fill(10f);
        m.runningVar().fill(100f);
        return m;
    }

    static void randomize(Module m, Rng rng) {
        for (var e : m.namedParameters().entrySet()) {
            float[] p = e.getValue().value().data();
            boolean gate = e.getKey().equals("gate");
            for (int i = 0; i < p.length; i++) p[i] = gate ? 0.1f + 0.8f * rng.nextFloat() : (float) (0.5 + rng.nextGaussian() * 0.5);
        }
    }

    private static void check(Module m, Tensor x) {
        List<Var> inputs = new ArrayList<>();
        inputs.add(Var.param(x));
        inputs.addAll(m.parameters());
        GradCheck.defaults().check(v -> m.forward(v[0]), inputs.toArray(new Var[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void trainingMode(String name, Supplier<Module> make, int[] shape) {
        Rng rng = new Rng(21);
        Module m = make.get();
        randomize(m, rng);
        for (int i = 0; i < 3; i++) m.forward(Tensor.randn(rng, 1f, 2f, shape));
        check(m.train(), Tensor.randn(rng, shape));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void evalMode(String name, Supplier<Module> make, int[] shape) {
        Rng rng = new Rng(22);
        Module m = make.get();
        randomize(m, rng);
        for (int i = 0; i < 3; i++) m.forward(Tensor.randn(rng, 1f, 2f, shape));
        check(m.eval(), Tensor.randn(rng, shape));
    }

    static Stream<Arguments> batchNorms() {
        return Stream.of(
                layer("BatchNorm1d", () -> new BatchNorm1d(4), 6, 4),
                layer("BatchNorm2d", () -> new BatchNorm2d(3), 3, 3, 2, 3),
                layer("BatchRenorm", () -> renorm(1.5f, 0.5f), 4, 3, 5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batchNorms")
    void frozenBatchNormInTraining(String name, Supplier<Module> make, int[] shape) {
        BatchNorm m = (BatchNorm) make.get();
        Rng rng = new Rng(23);
        randomize(m, rng);
        for (int i = 0; i < 3; i++) m.forward(Tensor.randn(rng, 1f, 2f, shape));
        m.freeze(false);
        check(m.train(), Tensor.randn(rng, shape));
    }
}
