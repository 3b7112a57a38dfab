package io.normlab.nn.norm;

import io.normlab.nn.Module;

/**
 * A module with a constraint to restore after every optimizer step (Batch-Instance
 * Normalization clips its gates into [0, 1]). Training loops call {@link #applyAll} on the model
 * right after {@code optimizer.step()}.
 */
public interface AfterStep {
    /** Restores the module's constraint, in place. */
    void afterStep();

    /** Calls {@link #afterStep()} on {@code root} and every descendant implementing it, depth first. */
    static void applyAll(Module root) {
        for (Module m : root.namedModules().values()) {
            if (m instanceof AfterStep a) a.afterStep();
        }
    }
}
