package io.normlab.data;

import io.normlab.tensor.Tensor;

/**
 * One mini-batch: inputs {@code x} of shape (B, ...) and their B labels {@code y}.
 * Both are fresh copies owned by the receiver.
 */
public record Batch(Tensor x, int[] y) {
    /** Number of samples B. */
    public int size() {
        return y.length;
    }
}
