package io.normlab.nn.conv;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Var;
import io.normlab.nn.Identity;
import io.normlab.nn.Module;
import io.normlab.nn.norm.BatchNorm2d;
import io.normlab.nn.norm.GroupNorm;
import io.normlab.nn.norm.InstanceNorm2d;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class BasicBlockTest {
    /** BatchNorm2d with a random gamma (gamma = 1 would hide gradient mistakes). */
    private static IntFunction<Module> norm(Rng rng) {
        return c -> {
            BatchNorm2d bn = new BatchNorm2d(c);
            bn.stateDict().get("weight").copyFrom(Tensor.uniform(rng, 0.5f, 1.5f, c));
            return bn;
        };
    }

    @Test
    void identityShortcutKeepsShapeAndTorchvisionNames() {
        BasicBlock b = new BasicBlock(4, 4, 1, norm(new Rng(1)), new Rng(41));
        assertFalse(b.hasProjection());
        assertEquals(List.of("conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked",
                "conv2.weight", "bn2.weight", "bn2.bias", "bn2.running_mean", "bn2.running_var", "bn2.num_batches_tracked"),
                List.copyOf(b.stateDict().keySet()));
        assertArrayEquals(new int[] {2, 4, 5, 5}, b.forward(Tensor.randn(new Rng(2), 2, 4, 5, 5)).shape());
    }

    @Test
    void strideOrChannelChangeUsesAProjection() {
        BasicBlock b = new BasicBlock(3, 6, 2, norm(new Rng(1)), new Rng(42));
        assertTrue(b.hasProjection());
        assertTrue(b.stateDict().containsKey("downsample.0.weight"));
        assertTrue(b.stateDict().containsKey("downsample.1.weight"));
        assertArrayEquals(new int[] {6, 3, 1, 1}, b.stateDict().get("downsample.0.weight").shape());
        assertArrayEquals(new int[] {2, 6, 3, 4}, b.forward(Tensor.randn(new Rng(2), 2, 3, 5, 7)).shape());
        assertTrue(new BasicBlock(3, 6, 1, null, new Rng(43)).hasProjection());
    }

    @Test
    void withoutNormTheConvolutionsCarryBiases() {
        BasicBlock b = new BasicBlock(2, 4, 2, null, new Rng(44));
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "downsample.0.weight", "downsample.0.bias"),
                List.copyOf(b.stateDict().keySet()));
        BasicBlock viaNullFactory = new BasicBlock(2, 4, 2, c -> null, new Rng(44));
        assertEquals(b.stateDict().keySet(), viaNullFactory.stateDict().keySet());
        BasicBlock viaIdentity = new BasicBlock(2, 4, 2, c -> new Identity(), new Rng(44));
        assertEquals(b.stateDict().keySet(), viaIdentity.stateDict().keySet());
        assertArrayEquals(b.stateDict().get("conv1.weight").data(), viaIdentity.stateDict().get("conv1.weight").data());
    }

    @Test
    void forwardIsTheDocumentedComposition() {
        Rng rng = new Rng(45);
        BasicBlock b = new BasicBlock(3, 4, 2, norm(rng), rng);
        Var x = Var.of(Tensor.randn(rng, 2, 3, 6, 6));
        var m = b.children();
        Var h = m.get("bn1").forward(m.get("conv1").forward(x)).relu();
        h = m.get("bn2").forward(m.get("conv2").forward(h));
        Var expected = h.add(m.get("downsample").forward(x)).relu();
        assertArrayEquals(expected.value().data(), b.forward(x).value().data());
    }

    /**
     * Finite differences across a ReLU kink are meaningless, and a weight probe moves every
     * pre-activation of its channel. So the checks run where every ReLU input is at least 0.1 (a
     * probe of 0.01 cannot cross zero), asserted below: the norm stand-in is a smooth per-channel
     * affine map with shift 0.5, or, without norm, the convolution biases are 0.5. Inputs are small
     * (std 0.2) so outputs stay O(1): float rounding of large outputs would exceed the check's atol.
     */
    @Test
    void gradientsPassGradCheckWithAPerChannelNormAndWithout() {
        Rng rng = new Rng(46);
        BasicBlock withNorm = new BasicBlock(2, 3, 2, c -> new ChannelAffineStandIn(c, Tensor.uniform(rng, 0.5f, 1.5f, c), 0.5f), rng);
        BasicBlock plain = new BasicBlock(2, 3, 2, null, rng);
        for (String k : List.of("conv1.bias", "conv2.bias", "downsample.0.bias")) plain.stateDict().get(k).fill(0.5f);
        for (BasicBlock b : List.of(withNorm, plain)) {
            Var x = Var.param(Tensor.randn(rng, 0f, 0.2f, 2, 2, 5, 5));
            Module firstReluInput = b.children().getOrDefault("bn1", b.children().get("conv1"));
            float[] minPre = {Float.MAX_VALUE};
            firstReluInput.addForwardHook((m, in, out) -> {
                for (float v : out.value().data()) minPre[0] = Math.min(minPre[0], v);
            });
            float minOut = Float.MAX_VALUE;
            for (float v : b.forward(x).value().data()) minOut = Math.min(minOut, v);
            assertTrue(minPre[0] > 0.1f && minOut > 0.1f, "ReLU inputs must stay away from 0: " + minPre[0] + ", " + minOut);
            Var[] in = new Var[1 + b.parameters().size()];
            in[0] = x;
            for (int i = 0; i < b.parameters().size(); i++) in[i + 1] = b.parameters().get(i);
            GradCheck.defaults().check(v -> b.forward(v[0]), in);
        }
    }

    /** One block definition for BN, GN, LN (= GroupNorm with one group over C, H, W), IN and no norm. */
    @Test
    void worksWithTheRealNormalizationLayers() {
        Rng rng = new Rng(47);
        Map<String, IntFunction<Module>> norms = new LinkedHashMap<>();
        norms.put("batch", BatchNorm2d::new);
        norms.put("group", c -> new GroupNorm(2, c));
        norms.put("layer", c -> new GroupNorm(1, c));
        norms.put("instance", InstanceNorm2d::new);
        norms.put("none", c -> new Identity());
        Tensor x = Tensor.randn(rng, 3, 2, 6, 6);
        for (var e : norms.entrySet()) {
            BasicBlock b = new BasicBlock(2, 4, 2, e.getValue(), new Rng(48));
            Var y = b.forward(Var.of(x));
            assertArrayEquals(new int[] {3, 4, 3, 3}, y.shape(), e.getKey());
            y.backward(Tensor.randn(rng, y.shape()));
            for (var p : b.namedParameters().entrySet()) {
                assertNotNull(p.getValue().grad(), e.getKey() + " " + p.getKey());
                assertTrue(p.getValue().grad().isFinite(), e.getKey() + " " + p.getKey());
            }
        }
        BasicBlock bn = new BasicBlock(2, 4, 1, BatchNorm2d::new, new Rng(49));
        assertTrue(bn.stateDict().containsKey("bn1.running_mean") && bn.stateDict().containsKey("downsample.1.running_var"));
        bn.forward(Var.of(x));
        bn.eval();
        // in eval mode BatchNorm uses running statistics: a sample's output does not depend on the rest of the batch
        Tensor all = bn.forward(Var.of(x)).value();
        Tensor first = bn.forward(Var.of(io.normlab.tensor.Layout.slice(x, 0, 0, 1))).value();
        assertArrayEquals(first.data(), io.normlab.tensor.Layout.slice(all, 0, 0, 1).data());
    }
}
