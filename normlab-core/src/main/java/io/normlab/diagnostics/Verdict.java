package io.normlab.diagnostics;

/**
 * Health of a layer or of a network. Declared from the most to the least fundamental: a network
 * gets every verdict that applies, and its primary verdict is the first of them in this order,
 * because a cause (a NaN, dead or saturated units) explains the symptom (a vanishing gradient).
 */
public enum Verdict {
    /** A NaN or infinity in an output, an output gradient or a weight gradient. */
    NON_FINITE,
    /** ReLU units that are zero for the whole batch pass no gradient at all. */
    DEAD,
    /** Sigmoid/tanh outputs pinned near their bounds, where the derivative is nearly zero. */
    SATURATED,
    /** The gradient grows toward the input. */
    EXPLODING,
    /** The gradient shrinks toward the input. */
    VANISHING,
    /** None of the above. */
    HEALTHY
}
