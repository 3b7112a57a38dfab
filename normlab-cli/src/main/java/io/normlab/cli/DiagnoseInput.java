package io.normlab.cli;

import io.normlab.data.Batch;
import io.normlab.data.BundledData;
import io.normlab.data.Dataset;
import io.normlab.data.Standardizer;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/**
 * Where {@code normlab diagnose} takes its batch from: {@code random} (standard Gaussian inputs,
 * i.e. already standardized, with labels drawn uniformly from the classes) or a bundled data set
 * (a batch of distinct samples drawn per seed, standardized with the whole set's mean and std
 * unless asked not to).
 */
final class DiagnoseInput {
    static final String RANDOM = "random";

    private final Dataset data;
    final int inputs;
    final int classes;
    private final String description;

    private DiagnoseInput(Dataset data, int inputs, int classes, String description) {
        this.data = data;
        this.inputs = inputs;
        this.classes = classes;
        this.description = description;
    }

    static DiagnoseInput random(int inputs, int classes) {
        return new DiagnoseInput(null, inputs, classes, "random: inputs N(0, 1) (standardized), labels uniform over " + classes + " classes");
    }

    static DiagnoseInput bundled(String name, boolean standardize) {
        Dataset d = BundledData.byName(name);
        if (standardize) d = Standardizer.fit(d).apply(d);
        return new DiagnoseInput(d, d.featureCount(), d.numClasses(), name + " (" + d.size() + " samples"
                + (standardize ? ", standardized with the set's mean and std" : ", not standardized") + "; a random batch per seed): " + d.provenance());
    }

    /** The dataset's sample count, or -1 for random data (any batch size). */
    int size() {
        return data == null ? -1 : data.size();
    }

    /** A batch of {@code size} samples drawn with {@code rng}. */
    Batch batch(int size, Rng rng) {
        if (data == null) {
            Tensor x = Tensor.randn(rng, size, inputs);
            int[] y = new int[size];
            for (int i = 0; i < size; i++) y[i] = rng.nextInt(classes);
            return new Batch(x, y);
        }
        int[] idx = new int[data.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        rng.shuffleInPlace(idx);
        Dataset sub = data.subset(java.util.Arrays.copyOf(idx, size), "diagnose batch");
        return new Batch(sub.features(), sub.labels());
    }

    String describe() {
        return description;
    }
}
