package io.normlab.nn.norm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.normlab.autograd.Var;
import io.normlab.io.SafeTensors;
import io.normlab.nn.Module;
import io.normlab.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with PyTorch 2.13 (test resources golden/*.safetensors, see golden/README.md): output,
 * input gradient, parameter gradients and running statistics within 1e-5 relative.
 */
class GoldenParityTest {
    private static final double TOL = 1e-5;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("batchnorm1d_train", (Supplier<Module>) () -> new BatchNorm1d(6)),
                Arguments.of("batchnorm2d_train", (Supplier<Module>) () -> new BatchNorm2d(3)),
                Arguments.of("batchnorm2d_eval", (Supplier<Module>) () -> new BatchNorm2d(3)),
                Arguments.of("layernorm_2d", (Supplier<Module>) () -> new LayerNorm(10)),
                Arguments.of("layernorm_3d", (Supplier<Module>) () -> new LayerNorm(10)),
                Arguments.of("instancenorm2d_affine", (Supplier<Module>) () -> new InstanceNorm2d(3, NormOptions.instanceNorm().withAffine(true))),
                Arguments.of("groupnorm_3of6", (Supplier<Module>) () -> new GroupNorm(3, 6)),
                Arguments.of("rmsnorm", (Supplier<Module>) () -> new RMSNorm(new int[] {10}, 1e-6f, true)));
    }

    static SafeTensors load(String name) {
        return io.normlab.io.GoldenCase.load(name);
    }

    private static Map<String, Tensor> prefixed(SafeTensors st, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String n : st.names()) if (n.startsWith(prefix)) out.put(n.substring(prefix.length()), st.tensor(n));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, Supplier<Module> make) {
        SafeTensors g = load(name);
        Module m = make.get();
        m.loadStateDict(prefixed(g, "init."), false);
        Map<String, Tensor> init = prefixed(g, "init.");
        assertEquals(init.keySet(), prefixed(g, "after.").keySet(), name + ": init and after name the same state");
        int warm = Integer.parseInt(g.metadata().getOrDefault("warm_steps", "0"));
        m.train();
        for (int i = 0; i < warm; i++) m.forward(g.tensor("warm." + i));
        if (g.metadata().get("mode").equals("eval")) m.eval();
        Var x = Var.param(g.tensor("x"));
        Var y = m.forward(x);
        Checks.close(name + " y", g.tensor("y"), y.value(), TOL);
        y.backward(g.tensor("dy"));
        Checks.close(name + " dx", g.tensor("dx"), x.grad(), TOL);
        Map<String, Var> params = m.namedParameters();
        for (String p : params.keySet()) Checks.close(name + " grad." + p, g.tensor("grad." + p), params.get(p).grad(), TOL);
        assertEquals(prefixed(g, "grad.").keySet(), params.keySet(), name + ": every parameter has a golden gradient");
        Map<String, Tensor> state = m.stateDict();
        for (var e : prefixed(g, "after.").entrySet()) Checks.close(name + " after." + e.getKey(), e.getValue(), state.get(e.getKey()), TOL);
    }
}
