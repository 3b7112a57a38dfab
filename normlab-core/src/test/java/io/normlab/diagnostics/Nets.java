package io.normlab.diagnostics;

import io.normlab.autograd.Losses;
import io.normlab.autograd.Var;
import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.Sequential;
import io.normlab.nn.init.Init;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Test networks and one-step helpers for the diagnostics tests. */
final class Nets {
    private Nets() {}

    /**
     * {@code depth} hidden blocks Linear(width) [-> norm] [-> activation], then Linear(classes);
     * PyTorch default init from {@code rng}. {@code norm} and {@code act} may be null.
     */
    static Sequential mlp(int in, int depth, int width, int classes, Supplier<Module> norm, Supplier<Module> act, Rng rng) {
        List<Module> layers = new ArrayList<>();
        int fan = in;
        for (int l = 0; l < depth; l++) {
            layers.add(new Linear(fan, width, rng));
            if (norm != null) layers.add(norm.get());
            if (act != null) layers.add(act.get());
            fan = width;
        }
        layers.add(new Linear(fan, classes, rng));
        return new Sequential(layers);
    }

    /** Hidden Linear weights ~ N(0, gain^2 / fan_in), their biases set to {@code bias}; the head keeps its init. */
    static void normalInit(Sequential net, double gain, float bias, Rng rng) {
        List<Linear> lins = linears(net);
        for (int i = 0; i < lins.size() - 1; i++) {
            Linear lin = lins.get(i);
            Init.scaledNormal(lin.weight().value(), gain, rng);
            if (lin.bias() != null) Init.constant(lin.bias().value(), bias);
        }
    }

    static List<Linear> linears(Module net) {
        List<Linear> out = new ArrayList<>();
        for (Module m : net.namedModules().values()) if (m instanceof Linear l) out.add(l);
        return out;
    }

    static int[] labels(Rng rng, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = rng.nextInt(classes);
        return y;
    }

    /** One forward and backward of mean cross-entropy; returns the loss. */
    static Var forwardBackward(Module net, Tensor x, int[] labels) {
        Var loss = Losses.crossEntropy(net.forward(x), labels);
        loss.backward();
        return loss;
    }

    /** One forward+backward on random standardized input with random labels, diagnosed ({@link Diagnoser#probe}). */
    static Diagnosis diagnoseOnce(Module net, int in, int batch, int classes, long seed) {
        Rng rng = new Rng(seed);
        Tensor x = Tensor.randn(rng, batch, in);
        return Diagnoser.probe(net, x, labels(rng, batch, classes));
    }
}
