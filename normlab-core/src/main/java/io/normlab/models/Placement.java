package io.normlab.models;

/**
 * Where a block's normalization sits: after the linear map and before the activation (the
 * Batch Normalization paper's choice), or after the activation.
 */
public enum Placement {
    BEFORE_ACTIVATION, AFTER_ACTIVATION
}
