package io.normlab.study;

import io.normlab.models.CnnSpec;
import io.normlab.models.NormKind;

/** The small CNN the image studies share, sized for the 8x8 digits. */
final class Cnns {
    private Cnns() {}

    /**
     * conv3x3(1-&gt;16) - norm - ReLU - maxpool2 - conv3x3(16-&gt;32) - norm - ReLU - maxpool2 - flatten (128)
     * - Linear(64) - ReLU - Linear(10): only the convolutional blocks are normalized, so the arms
     * differ in exactly one thing.
     */
    static CnnSpec digits(NormKind norm) {
        return new CnnSpec(1, 8, 8, new int[] {16, 32}, 64, 10, norm, NormKind.NONE);
    }

    static final String DESCRIPTION = "CNN on the UCI digits as 1x8x8 images (standardized pixels): conv3x3(1->16, pad 1) - norm - ReLU - "
            + "maxpool2 - conv3x3(16->32, pad 1) - norm - ReLU - maxpool2 - Linear(128->64) - ReLU - Linear(10); only the two convolutional "
            + "blocks are normalized (GroupNorm: 8 groups; LayerNorm: GroupNorm with 1 group, i.e. over (C, H, W)).";
}
