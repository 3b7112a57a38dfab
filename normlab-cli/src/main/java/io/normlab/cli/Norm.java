package io.normlab.cli;

import io.normlab.nn.Module;

/**
 * Normalization layers the CLI can put after each hidden Linear layer, before the activation.
 * Constant names are the flag values; the list is what {@code --norm} accepts and shows.
 */
enum Norm {
    none;

    /** The layer normalizing {@code features} features, or null for {@link #none}. */
    Module layer(int features) {
        return switch (this) {
            case none -> null;
        };
    }
}
