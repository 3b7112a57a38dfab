package io.normlab.nn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {
    /** A module with a parameter and a buffer, to check state-dict order (parameters, then buffers). */
    static final class Scale extends Module {
        final Var gamma;
        final Tensor count;

        Scale(int n) {
            gamma = registerParameter("weight", Tensor.full(1.5f, n));
            count = registerBuffer("running_mean", Tensor.zeros(n));
        }

        @Override
        protected Var compute(Var x) {
            return x.mul(gamma);
        }
    }

    private static Sequential model(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Linear(4, 8, rng), new ReLU(),
                new Sequential(new Linear(8, 8, rng), new Scale(8), new Tanh(), new Linear(8, 3, false, rng)));
    }

    private static Map<String, Tensor> snapshot(Module m) {
        Map<String, Tensor> s = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> s.put(k, v.copy()));
        return s;
    }

    @Test
    void stateDictNamesMatchPyTorch() {
        assertEquals(List.of("0.weight", "0.bias", "2.0.weight", "2.0.bias", "2.1.weight", "2.1.running_mean", "2.3.weight"),
                new ArrayList<>(model(1).stateDict().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "2.0.weight", "2.0.bias", "2.1.weight", "2.3.weight"),
                new ArrayList<>(model(1).namedParameters().keySet()));
        assertEquals(List.of("2.1.running_mean"), new ArrayList<>(model(1).namedBuffers().keySet()));
        assertEquals(List.of("", "0", "1", "2", "2.0", "2.1", "2.2", "2.3"), new ArrayList<>(model(1).namedModules().keySet()));
    }

    @Test
    void parameterCount() {
        assertEquals((4 * 8 + 8) + (8 * 8 + 8) + 8 + 8 * 3, model(1).parameterCount());
        assertEquals(0, new ReLU().parameterCount());
        assertEquals(7 * 5, new Linear(7, 5, false, new Rng(1)).parameterCount());
    }

    @Test
    void loadStateDictRoundTripsAndCopies() {
        Sequential a = model(1), b = model(2);
        a.namedBuffers().get("2.1.running_mean").fill(0.25f);
        Tensor x = Tensor.randn(new Rng(3), 5, 4);
        assertFalse(java.util.Arrays.equals(a.forward(x).value().data(), b.forward(x).value().data()));
        b.loadStateDict(a.stateDict());
        assertArrayEquals(a.forward(x).value().data(), b.forward(x).value().data());
        assertArrayEquals(Tensor.full(0.25f, 8).data(), b.namedBuffers().get("2.1.running_mean").data());
        a.stateDict().get("0.weight").fill(9f);
        assertNotEquals(9f, b.stateDict().get("0.weight").data()[0], "values are copied, not shared");
    }

    @Test
    void loadStateDictReportsEveryProblemAndChangesNothing() {
        Sequential target = model(1);
        Map<String, Tensor> before = snapshot(target);
        Map<String, Tensor> bad = new LinkedHashMap<>(model(2).stateDict());   // valid values for most keys
        bad.remove("0.bias");
        bad.put("9.weight", Tensor.zeros(2));
        bad.put("2.0.weight", Tensor.zeros(8, 7));
        var ex = assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(bad));
        String msg = ex.getMessage();
        assertTrue(msg.contains("missing key '0.bias'"), msg);
        assertTrue(msg.contains("unexpected key '9.weight'"), msg);
        assertTrue(msg.contains("'2.0.weight'") && msg.contains("[8, 8]") && msg.contains("[8, 7]"), msg);
        Map<String, Tensor> after = target.stateDict();
        for (String k : before.keySet()) assertArrayEquals(before.get(k).data(), after.get(k).data(), "changed: " + k);
    }

    @Test
    void nonStrictLoadIgnoresMissingAndUnexpectedButNotShapes() {
        Sequential target = model(1), source = model(2);
        Map<String, Tensor> partial = new HashMap<>();
        partial.put("0.weight", source.stateDict().get("0.weight"));
        partial.put("extra", Tensor.zeros(1));
        target.loadStateDict(partial, false);
        assertArrayEquals(source.stateDict().get("0.weight").data(), target.stateDict().get("0.weight").data());
        assertArrayEquals(model(1).stateDict().get("0.bias").data(), target.stateDict().get("0.bias").data());
        Map<String, Tensor> before = snapshot(target);
        partial.put("0.weight", source.stateDict().get("0.weight").copy().reshape(4, 8));
        partial.put("0.bias", source.stateDict().get("0.bias"));
        var ex = assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(partial, false));
        assertTrue(ex.getMessage().contains("'0.weight'"), ex.getMessage());
        assertArrayEquals(before.get("0.bias").data(), target.stateDict().get("0.bias").data(), "nothing loaded on error");
    }

    @Test
    void trainAndEvalPropagateToDescendants() {
        Sequential m = model(1);
        for (Module c : m.namedModules().values()) assertTrue(c.isTraining());
        assertSame(m, m.eval());
        for (var e : m.namedModules().entrySet()) assertFalse(e.getValue().isTraining(), e.getKey());
        m.children().get("2").train();
        assertFalse(m.isTraining());
        assertFalse(m.children().get("0").isTraining());
        assertTrue(m.namedModules().get("2.3").isTraining());
    }

    @Test
    void forwardHooksSeeInputAndOutput() {
        Sequential m = model(1);
        List<Var> seen = new ArrayList<>();
        Module relu = m.children().get("1");
        m.children().get("0").addForwardHook((mod, in, out) -> seen.add(out));
        relu.addForwardHook((mod, in, out) -> {
            assertSame(relu, mod);
            seen.add(in);
            seen.add(out);
        });
        Var x = Var.of(Tensor.randn(new Rng(4), 3, 4));
        m.forward(x);
        assertEquals(3, seen.size());
        assertSame(seen.get(0), seen.get(1), "ReLU's input is the Linear's output");
        float[] lin = seen.get(0).value().data(), r = seen.get(2).value().data();
        for (int i = 0; i < lin.length; i++) assertTrue(r[i] == Math.max(0f, lin[i]), "element " + i);
    }

    @Test
    void backwardHooksSeeGradientOfOutput() {
        Sequential m = model(1);
        Module tanh = m.namedModules().get("2.2"), lin = m.namedModules().get("2.0");
        List<Var> outputs = new ArrayList<>();
        Map<Module, Tensor> grads = new HashMap<>();
        for (Module h : List.of(tanh, lin)) {
            h.addForwardHook((mod, in, out) -> outputs.add(out.retainGrad()));
            h.addBackwardHook((mod, g) -> grads.put(mod, g.copy()));
        }
        Var y = m.forward(Tensor.randn(new Rng(5), 6, 4));
        y.backward(Tensor.randn(new Rng(6), 6, 3));
        assertEquals(2, outputs.size());
        assertArrayEquals(outputs.get(0).grad().data(), grads.get(lin).data(), "Linear 2.0");
        assertArrayEquals(outputs.get(1).grad().data(), grads.get(tanh).data(), "Tanh 2.2");
        assertFalse(grads.get(tanh).allClose(Tensor.zerosLike(grads.get(tanh)), 0, 1e-6f), "a non-trivial gradient");
    }

    @Test
    void removedHooksAreNotCalled() {
        Sequential m = model(1);
        int[] calls = new int[2];
        Module.HookHandle f = m.addForwardHook((mod, in, out) -> calls[0]++);
        Module.HookHandle b = m.addBackwardHook((mod, g) -> calls[1]++);
        Tensor x = Tensor.randn(new Rng(7), 2, 4);
        m.forward(x).backward(Tensor.ones(2, 3));
        assertArrayEquals(new int[] {1, 1}, calls);
        f.remove();
        b.remove();
        m.forward(x).backward(Tensor.ones(2, 3));
        assertArrayEquals(new int[] {1, 1}, calls);
    }

    @Test
    void toStringShowsTreeWithParameterCounts() {
        String expected = String.join("\n",
                "Sequential()  [144 params]",
                "  (0): Linear(in=4, out=8)  [40 params]",
                "  (1): ReLU()",
                "  (2): Sequential()  [104 params]",
                "    (0): Linear(in=8, out=8)  [72 params]",
                "    (1): Scale()  [8 params]",
                "    (2): Tanh()",
                "    (3): Linear(in=8, out=3, bias=false)  [24 params]",
                "");
        assertEquals(expected, model(1).toString());
    }

    @Test
    void toStringDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("Linear(in=100, out=20)  [2,020 params]\n", new Linear(100, 20, new Rng(1)).toString());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void duplicateAndDottedNamesAreRejected() {
        var ex = assertThrows(IllegalArgumentException.class, () -> new Module() {
            {
                registerParameter("w", Tensor.zeros(1));
                registerBuffer("w", Tensor.zeros(1));
            }

            @Override protected Var compute(Var x) { return x; }
        });
        assertTrue(ex.getMessage().contains("'w'"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Module() {
            { registerModule("a.b", new ReLU()); }

            @Override protected Var compute(Var x) { return x; }
        });
    }
}
