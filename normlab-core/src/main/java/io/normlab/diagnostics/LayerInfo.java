package io.normlab.diagnostics;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the monitor knows about one module of the tree: where it is, what it is, whether it gets a
 * row in the per-layer table, and which of its own parameters count as its weights.
 */
final class LayerInfo {
    final Module module;
    final String path;
    final String type;
    final LayerKind kind;
    /** Parametrised layers, normalizations, activations and recurrent layers get a row. */
    final boolean row;
    final boolean leaf;
    /** Own parameters named "weight*" (all own parameters when none is). */
    final List<Var> weights;

    LayerInfo(Module module, String path) {
        this.module = module;
        this.path = path;
        this.type = module.getClass().getSimpleName();
        this.kind = LayerKind.of(module);
        this.leaf = module.children().isEmpty();
        this.weights = weightsOf(module);
        this.row = kind == LayerKind.WEIGHT || kind.isNorm() || kind.isActivation() || kind == LayerKind.RECURRENT
                || (kind == LayerKind.OTHER && !weights.isEmpty());
    }

    private static List<Var> weightsOf(Module m) {
        List<Var> named = new ArrayList<>(), all = new ArrayList<>();
        for (Map.Entry<String, Var> e : m.namedParameters().entrySet()) {
            if (e.getKey().contains(".")) continue; // a child's parameter
            all.add(e.getValue());
            if (e.getKey().startsWith("weight")) named.add(e.getValue());
        }
        return named.isEmpty() ? all : named;
    }

    /** "'3' (Linear)", for messages. */
    String label() {
        return "'" + path + "' (" + type + ")";
    }
}
