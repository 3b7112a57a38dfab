package io.normlab.models;

import io.normlab.nn.Module;
import io.normlab.nn.norm.BatchInstanceNorm;
import io.normlab.nn.norm.BatchNorm1d;
import io.normlab.nn.norm.BatchNorm2d;
import io.normlab.nn.norm.BatchRenorm;
import io.normlab.nn.norm.GroupNorm;
import io.normlab.nn.norm.InstanceNorm2d;
import io.normlab.nn.norm.LayerNorm;
import io.normlab.nn.norm.NormOptions;
import io.normlab.nn.norm.RMSNorm;
import io.normlab.nn.norm.SwitchableNorm;

/**
 * The normalization a model spec can put in each block. {@link #forFeatures} builds the layer for
 * (N, D) activations (dense nets), {@link #forChannels} for (N, C, H, W) feature maps.
 */
public enum NormKind {
    NONE, BATCH, LAYER, GROUP, RMS, INSTANCE, BATCH_RENORM, SWITCHABLE, BATCH_INSTANCE;

    /** Groups used by {@link #GROUP} when the width allows (else the largest divisor below). */
    public static final int DEFAULT_GROUPS = 8;

    /** The layer for (N, width) activations, or null for {@link #NONE}. */
    public Module forFeatures(int width) {
        switch (this) {
            case NONE: return null;
            case BATCH: return new BatchNorm1d(width);
            case LAYER: return new LayerNorm(width);
            case GROUP: return new GroupNorm(groups(width), width);
            case RMS: return new RMSNorm(width);
            case BATCH_RENORM: return new BatchRenorm(width);
            default:
                throw new IllegalArgumentException(this + " normalizes per (sample, channel) over spatial positions; "
                        + "it is defined for feature maps (N, C, H, W), not for dense (N, D) activations");
        }
    }

    /** The layer for (N, channels, H, W) feature maps, or null for {@link #NONE}. */
    public Module forChannels(int channels) {
        switch (this) {
            case NONE: return null;
            case BATCH: return new BatchNorm2d(channels);
            case LAYER: return new GroupNorm(1, channels); // LayerNorm over (C, H, W) with per-channel affine
            case GROUP: return new GroupNorm(groups(channels), channels);
            case INSTANCE: return new InstanceNorm2d(channels, new NormOptions(1e-5f, 0.1f, true, false));
            case BATCH_RENORM: return new BatchRenorm(channels);
            case SWITCHABLE: return new SwitchableNorm(channels);
            case BATCH_INSTANCE: return new BatchInstanceNorm(channels);
            default: throw new IllegalArgumentException(this + " is not defined for feature maps");
        }
    }

    /** True when the layer's statistics mix samples of the batch. */
    public boolean usesBatchStatistics() {
        return this == BATCH || this == BATCH_RENORM || this == SWITCHABLE || this == BATCH_INSTANCE;
    }

    private static int groups(int channels) {
        int g = Math.min(DEFAULT_GROUPS, channels);
        while (channels % g != 0) g--;
        return g;
    }
}
