package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The fused core against the composed autograd reference, and against central differences. */
class NormCoreTest {
    static Stream<Arguments> specs() {
        NormCore.AffineAxis ch = NormCore.AffineAxis.CHANNEL, el = NormCore.AffineAxis.ELEMENT;
        return Stream.of(
                Arguments.of("batch (N,C,S)", new NormCore.Spec(NormLayout.perChannel(3, 4, 5), true, 1e-5f, ch)),
                Arguments.of("batch (N,C)", new NormCore.Spec(NormLayout.perChannel(6, 4, 1), true, 1e-5f, ch)),
                Arguments.of("instance", new NormCore.Spec(NormLayout.perSample(2, 3, 6, 3), true, 1e-5f, ch)),
                Arguments.of("group 2 of 4", new NormCore.Spec(NormLayout.perSample(2, 4, 3, 2), true, 1e-3f, ch)),
                Arguments.of("layer (rows,1,D)", new NormCore.Spec(NormLayout.perSample(5, 1, 7, 1), true, 1e-5f, el)),
                Arguments.of("layer (N,C,S) per element", new NormCore.Spec(NormLayout.perSample(2, 3, 4, 1), true, 1e-5f, el)),
                Arguments.of("rms", new NormCore.Spec(NormLayout.perSample(4, 1, 6, 1), false, 1e-6f, el)),
                Arguments.of("rms per channel", new NormCore.Spec(NormLayout.perSample(2, 4, 3, 2), false, 1e-6f, ch)));
    }

    private static int params(NormCore.Spec spec) {
        NormLayout l = spec.layout();
        return spec.affine() == NormCore.AffineAxis.ELEMENT ? l.c() * l.s() : l.c();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void fusedEqualsComposedReference(String label, NormCore.Spec spec) {
        Rng rng = new Rng(11);
        NormLayout l = spec.layout();
        int[] shape = {l.n(), l.c(), l.s()};
        Tensor x = Tensor.randn(rng, 0.5f, 2f, shape);
        Tensor dy = Tensor.randn(rng, shape);
        Tensor g = Tensor.randn(rng, 1f, 0.5f, params(spec)), b = Tensor.randn(rng, params(spec));
        Var[] fused = {Var.param(x.copy()), Var.param(g.copy()), Var.param(b.copy())};
        Var[] ref = {Var.param(x.copy()), Var.param(g.copy()), Var.param(b.copy())};
        Var yf = NormCore.normalize(spec, fused[0], fused[1], fused[2]).output();
        Var yr = Reference.normalize(spec, ref[0], ref[1], ref[2]);
        Checks.close(label + " y", yr.value(), yf.value(), 1e-5);
        yf.backward(dy);
        yr.backward(dy);
        String[] names = {"dx", "dgamma", "dbeta"};
        for (int i = 0; i < 3; i++) Checks.close(label + " " + names[i], ref[i].grad(), fused[i].grad(), 2e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void gradcheckWithBatchStatistics(String label, NormCore.Spec spec) {
        Rng rng = new Rng(5);
        NormLayout l = spec.layout();
        Var x = Var.param(Tensor.randn(rng, l.n(), l.c(), l.s()));
        Var g = Var.param(Tensor.randn(rng, 1f, 0.5f, params(spec)));
        Var b = Var.param(Tensor.randn(rng, params(spec)));
        GradCheck.defaults().check(v -> NormCore.normalize(spec, v[0], v[1], v[2]).output(), x, g, b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void gradcheckWithConstantStatisticsAndNoShift(String label, NormCore.Spec spec) {
        Rng rng = new Rng(6);
        NormLayout l = spec.layout();
        float[] mean = Tensor.randn(rng, l.statCount()).data(), var = Tensor.uniform(rng, 0.5f, 2f, l.statCount()).data();
        Stats st = Stats.fixed(mean, var);
        Var x = Var.param(Tensor.randn(rng, l.n(), l.c(), l.s()));
        Var g = Var.param(Tensor.randn(rng, 1f, 0.5f, params(spec)));
        GradCheck.defaults().check(v -> NormCore.normalizeWith(spec, st, v[0], v[1], null), x, g);
    }

    @Test
    void wrongParameterCountIsNamed() {
        NormCore.Spec spec = new NormCore.Spec(NormLayout.perChannel(2, 3, 4), true, 1e-5f, NormCore.AffineAxis.CHANNEL);
        Var x = Var.of(Tensor.zeros(2, 3, 4));
        assertThrows(ShapeException.class, () -> NormCore.normalize(spec, x, Var.of(Tensor.ones(4)), null));
        assertThrows(ShapeException.class, () -> NormCore.normalize(spec, Var.of(Tensor.zeros(2, 3, 5)), null, null));
    }
}
