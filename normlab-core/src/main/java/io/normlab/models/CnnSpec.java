package io.normlab.models;

import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.nn.conv.Conv2d;
import io.normlab.nn.conv.Flatten;
import io.normlab.nn.conv.MaxPool2d;
import io.normlab.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The small CNN of the benchmarks and studies (WORKLOADS.md "cnn-small"): for each entry c of
 * {@code channels}, {@code conv3x3(prev -> c, padding 1) - convNorm - ReLU - maxpool2}; then
 * flatten, {@code Linear(dense) - denseNorm - ReLU}, {@code Linear(classes)}. Input (N, C, H, W)
 * with H and W divisible by {@code 2^channels.length}. Convolutions keep their bias only without
 * a normalization after them (a bias right before a norm is redundant).
 *
 * <p>{@code cnn-small-bn} = {@code of(1, 28, 28, BATCH, BATCH)} and {@code cnn-small-gn} =
 * {@code of(1, 28, 28, GROUP, LAYER)} (GroupNorm with 8 groups, LayerNorm on the dense layer).
 */
public record CnnSpec(int inChannels, int height, int width, int[] channels, int dense, int classes,
                      NormKind convNorm, NormKind denseNorm) {
    public CnnSpec {
        channels = channels.clone();
        int f = 1 << channels.length;
        if (height % f != 0 || width % f != 0) {
            throw new IllegalArgumentException("CNN: input " + height + "x" + width + " must be divisible by " + f + " for " + channels.length + " pooling stages");
        }
    }

    /** Two conv stages (32, 64 channels), a dense layer of 128, 10 classes. */
    public static CnnSpec of(int inChannels, int height, int width, NormKind convNorm, NormKind denseNorm) {
        return new CnnSpec(inChannels, height, width, new int[] {32, 64}, 128, 10, convNorm, denseNorm);
    }

    @Override
    public int[] channels() {
        return channels.clone();
    }

    /** Builds the network, drawing every random number from {@code rng}. */
    public Sequential build(Rng rng) {
        List<Module> layers = new ArrayList<>();
        int prev = inChannels;
        for (int c : channels) {
            Module norm = convNorm.forChannels(c);
            layers.add(new Conv2d(prev, c, 3, io.normlab.nn.conv.ConvSpec.of(1, 1), norm == null, rng));
            if (norm != null) layers.add(norm);
            layers.add(new ReLU());
            layers.add(new MaxPool2d(2));
            prev = c;
        }
        layers.add(new Flatten());
        int flat = prev * (height >> channels.length) * (width >> channels.length);
        Module norm = denseNorm.forFeatures(dense);
        layers.add(new Linear(flat, dense, norm == null, rng));
        if (norm != null) layers.add(norm);
        layers.add(new ReLU());
        layers.add(new Linear(dense, classes, rng));
        return new Sequential(layers);
    }

    @Override
    public String toString() {
        return "CNN(" + inChannels + "x" + height + "x" + width + ", conv " + Arrays.toString(channels) + " norm " + convNorm
                + ", dense " + dense + " norm " + denseNorm + ", " + classes + " classes)";
    }
}
