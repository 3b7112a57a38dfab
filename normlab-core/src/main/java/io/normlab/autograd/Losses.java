package io.normlab.autograd;

import io.normlab.tensor.Elementwise;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;

/** Loss functions (mean reduction, as PyTorch's defaults). */
public final class Losses {
    private Losses() {}

    /**
     * Softmax cross-entropy on integer labels: {@code L = mean_n [logsumexp(z_n) - z_n[y_n]]} for
     * logits z of shape (N, C) and labels in [0, C). Computed with the max subtracted, in double,
     * so huge logits stay finite. dL/dz = (softmax(z) - onehot(y)) / N.
     */
    public static Var crossEntropy(Var logits, int[] labels) {
        int[] s = logits.shape();
        if (s.length != 2) throw new ShapeException("cross_entropy: logits must be (N, C), got " + Shape.str(s));
        int n = s[0], c = s[1];
        if (labels.length != n) {
            throw new ShapeException("cross_entropy: " + labels.length + " labels for " + n + " rows of logits " + Shape.str(s));
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= c) {
                throw new IllegalArgumentException("cross_entropy: label " + labels[i] + " at row " + i + " outside [0, " + c + ")");
            }
        }
        return new Function() {
            private float[] softmax;

            @Override protected Tensor forward(Tensor... in) {
                float[] z = in[0].data();
                softmax = new float[n * c];
                double total = 0;
                for (int i = 0; i < n; i++) {
                    int o = i * c;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < c; j++) max = Math.max(max, z[o + j]);
                    double sum = 0;
                    for (int j = 0; j < c; j++) sum += Math.exp(z[o + j] - max);
                    double lse = max + Math.log(sum);
                    for (int j = 0; j < c; j++) softmax[o + j] = (float) Math.exp(z[o + j] - lse);
                    total += lse - z[o + labels[i]];
                }
                return Tensor.scalar((float) (total / n));
            }

            @Override protected Tensor[] backward(Tensor g) {
                float scale = g.item() / n;
                float[] dz = new float[n * c];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < c; j++) dz[i * c + j] = softmax[i * c + j] * scale;
                    dz[i * c + labels[i]] -= scale;
                }
                return new Tensor[] {Tensor.wrap(dz, s)};
            }

            @Override public String name() { return "cross_entropy"; }
        }.apply(logits);
    }

    /** Mean squared error {@code mean((a - b)^2)} over equal shapes; dL/da = 2 (a - b) / numel. */
    public static Var mse(Var prediction, Var target) {
        if (!prediction.value().sameShape(target.value())) {
            throw ShapeException.of("mse", "prediction and target shapes differ", prediction.shape(), target.shape());
        }
        return new Function() {
            private Tensor diff;

            @Override protected Tensor forward(Tensor... in) {
                diff = Elementwise.sub(in[0], in[1]);
                double s = 0;
                for (float v : diff.data()) s += (double) v * v;
                return Tensor.scalar((float) (s / diff.numel()));
            }

            @Override protected Tensor[] backward(Tensor g) {
                Tensor d = Elementwise.scale(diff, 2f * g.item() / diff.numel());
                return new Tensor[] {d, needsGrad(1) ? d.neg() : null};
            }

            @Override public String name() { return "mse"; }
        }.apply(prediction, target);
    }
}
