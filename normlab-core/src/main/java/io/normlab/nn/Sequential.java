package io.normlab.nn;

import io.normlab.autograd.Var;
import java.util.List;

/** Modules applied in order; children are named "0", "1", ... as in PyTorch. */
public final class Sequential extends Module {
    private final List<Module> layers;

    public Sequential(Module... layers) {
        this(List.of(layers));
    }

    public Sequential(List<Module> layers) {
        this.layers = List.copyOf(layers);
        for (int i = 0; i < this.layers.size(); i++) registerModule(Integer.toString(i), this.layers.get(i));
    }

    /** The layers in order. */
    public List<Module> layers() {
        return layers;
    }

    @Override
    protected Var compute(Var input) {
        Var x = input;
        for (Module m : layers) x = m.forward(x);
        return x;
    }
}
