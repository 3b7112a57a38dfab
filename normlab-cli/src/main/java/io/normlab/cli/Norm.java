package io.normlab.cli;

import io.normlab.models.NormKind;

/**
 * Normalization layers the CLI can put in each hidden block of an MLP. Constant names are the
 * flag values; the list is what {@code --norm} accepts and shows.
 */
enum Norm {
    none(NormKind.NONE), batch(NormKind.BATCH), layer(NormKind.LAYER), group(NormKind.GROUP), rms(NormKind.RMS),
    renorm(NormKind.BATCH_RENORM);

    final NormKind kind;

    Norm(NormKind kind) {
        this.kind = kind;
    }
}
