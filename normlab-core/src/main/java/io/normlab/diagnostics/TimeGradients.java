package io.normlab.diagnostics;

import java.util.Arrays;

/**
 * The norm of dL/dh_t through time for one recurrent layer at one step (Pascanu, Mikolov and
 * Bengio 2013): {@code norms[t] = ||dL/dh_t||}, t = 0 (first time step) .. T-1 (last). A vanishing
 * recurrence shows norms shrinking toward t = 0; an exploding one, growing.
 *
 * @param name  the name given to {@link Monitor#trackThroughTime}
 * @param norms the per-time-step gradient norms (0 where no gradient reached h_t; NaN or
 *              infinite where the gradient was)
 */
public record TimeGradients(String name, double[] norms) {
    public TimeGradients {
        norms = norms.clone();
    }

    @Override
    public double[] norms() {
        return norms.clone();
    }

    /** ||dL/dh_0|| / ||dL/dh_{T-1}||: below 1 the gradient shrinks going back in time. */
    public double firstToLastRatio() {
        return norms.length == 0 ? Double.NaN : norms[0] / norms[norms.length - 1];
    }

    /** Geometric-mean factor by which the gradient is multiplied per step going back in time ({@link Growth#backwardFactor}). */
    public double factorPerStep() {
        return Growth.backwardFactor(norms);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeGradients t && t.name.equals(name) && Arrays.equals(t.norms, norms);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(norms);
    }

    @Override
    public String toString() {
        return "TimeGradients[" + name + ", " + Arrays.toString(norms) + "]";
    }
}
