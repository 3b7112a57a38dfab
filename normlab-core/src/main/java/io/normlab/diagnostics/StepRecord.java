package io.normlab.diagnostics;

import java.util.List;

/**
 * Everything the {@link Monitor} recorded at one step: one row per layer in the order the layers
 * first ran forward in that step, and the through-time gradient norms of recurrent layers.
 *
 * @param step   the step number (0 for the first step after attaching)
 * @param layers per-layer statistics in forward order
 * @param time   through-time gradient norms, one entry per {@link Monitor#trackThroughTime} call
 * @param nonFinite the first NaN/infinity of the step, or null
 */
public record StepRecord(int step, List<LayerStats> layers, List<TimeGradients> time, NonFiniteEvent nonFinite) {
    public StepRecord {
        layers = List.copyOf(layers);
        time = List.copyOf(time);
    }

    /** The row of the layer at {@code path}, or null. */
    public LayerStats layer(String path) {
        for (LayerStats s : layers) if (s.path().equals(path)) return s;
        return null;
    }
}
