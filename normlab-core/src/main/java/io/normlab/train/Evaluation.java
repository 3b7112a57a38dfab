package io.normlab.train;

/**
 * Loss and accuracy of a model on a data set, measured in eval mode without recording a graph.
 *
 * @param loss    mean cross-entropy over the samples
 * @param correct samples whose arg-max logit is the label
 * @param count   samples evaluated
 */
public record Evaluation(double loss, int correct, int count) {
    /** {@code correct / count}. */
    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }
}
