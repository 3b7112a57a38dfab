package io.normlab.data;

import io.normlab.tensor.Layout;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A labelled classification data set held in memory: features of shape (N, ...) (one sample per
 * row of dimension 0), integer labels in {@code [0, classes)}, the class names, and a provenance
 * string saying where the data came from and what was done to it (subset, standardized, ...).
 *
 * <p>Immutable in use: the methods return new data sets and never write to this one's tensor or
 * labels. {@link #features()} returns the live tensor; do not modify it.
 */
public final class Dataset {
    private final Tensor features;
    private final int[] labels;
    private final List<String> classNames;
    private final String provenance;

    /**
     * @param features   (N, ...) tensor, not copied
     * @param labels     N labels in {@code [0, classNames.size())}, copied
     * @param classNames one name per class
     * @param provenance where the data came from
     */
    public Dataset(Tensor features, int[] labels, List<String> classNames, String provenance) {
        if (features.rank() < 1) throw new ShapeException("Dataset: features must be (N, ...), got " + Shape.str(features.shape()));
        if (features.size(0) != labels.length) {
            throw new ShapeException("Dataset: " + labels.length + " labels for features of shape " + Shape.str(features.shape()));
        }
        if (classNames.isEmpty()) throw new IllegalArgumentException("Dataset: no class names");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("Dataset: label " + labels[i] + " of sample " + i + " outside [0, " + classNames.size() + ")");
            }
        }
        this.features = features;
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
        this.provenance = provenance;
    }

    /** Number of samples N. */
    public int size() {
        return labels.length;
    }

    /** The (N, ...) feature tensor (live: do not modify). */
    public Tensor features() {
        return features;
    }

    /** A copy of the labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** Label of sample {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    public int numClasses() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    public String provenance() {
        return provenance;
    }

    /** Shape of one sample: the feature shape without dimension 0. */
    public int[] sampleShape() {
        int[] s = features.shape();
        return Arrays.copyOfRange(s, 1, s.length);
    }

    /** Number of values per sample (product of {@link #sampleShape()}). */
    public int featureCount() {
        return Shape.numel(sampleShape());
    }

    /** Number of samples of each class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int y : labels) counts[y]++;
        return counts;
    }

    /** Samples {@code indices[i]}, in that order; {@code note} is appended to the provenance. */
    public Dataset subset(int[] indices, String note) {
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= labels.length) {
                throw new IndexOutOfBoundsException("subset: index " + indices[i] + " outside [0, " + labels.length + ")");
            }
            y[i] = labels[indices[i]];
        }
        return new Dataset(Layout.takeRows(features, indices), y, classNames, provenance + "; " + note);
    }

    /** The same labels with new features of shape (N, ...); {@code note} is appended to the provenance. */
    public Dataset withFeatures(Tensor newFeatures, String note) {
        return new Dataset(newFeatures, labels, classNames, provenance + "; " + note);
    }

    /** A view with each sample reshaped to {@code sampleShape} (same values, same order). */
    public Dataset reshapeSamples(int... sampleShape) {
        int[] s = new int[sampleShape.length + 1];
        s[0] = size();
        System.arraycopy(sampleShape, 0, s, 1, sampleShape.length);
        if (Shape.numel(sampleShape) != featureCount()) {
            throw ShapeException.of("reshapeSamples", "sample sizes differ", sampleShape(), sampleShape);
        }
        return new Dataset(features.reshape(s), labels, classNames, provenance);
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " samples of shape " + Shape.str(sampleShape()) + ", " + numClasses() + " classes: " + provenance + ")";
    }
}
