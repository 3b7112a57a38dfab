package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.Arrays;

/**
 * Batch Normalization (Ioffe &amp; Szegedy 2015), PyTorch's semantics; the base of
 * {@link BatchNorm1d} and {@link BatchNorm2d}.
 * <pre>
 *   y = (x - mean_c) / sqrt(var_c + eps) * weight_c + bias_c
 * </pre>
 * <ul>
 *   <li>Statistics: per channel c (dim 1) over the batch and all trailing dims, i.e. over N*L
 *       or N*H*W values ({@link NormLayout#perChannel}).</li>
 *   <li>Training: the batch mean and the <em>biased</em> batch variance normalize; the running
 *       estimates are updated with the <em>unbiased</em> one ({@link RunningStats}):
 *       {@code running = (1 - momentum) running + momentum batch}, momentum null = cumulative
 *       average; num_batches_tracked counts the batches.</li>
 *   <li>Eval: running_mean and running_var normalize (constants for backward). Without
 *       track_running_stats, batch statistics are used in both modes.</li>
 *   <li>Batch statistics need more than one value per channel: otherwise the call fails and
 *       suggests GroupNorm or LayerNorm, which do not depend on the batch.</li>
 *   <li>{@link #freeze}: running statistics are used even in training mode and not updated
 *       (fine-tuning with small batches); weight and bias train or are frozen too.</li>
 * </ul>
 * Parameters {@code weight} (init 1), {@code bias} (init 0) of shape (C) when affine; buffers
 * {@code running_mean}, {@code running_var}, {@code num_batches_tracked} when tracking.
 * Defaults ({@link NormOptions#batchNorm()}): eps 1e-5, momentum 0.1, affine, tracking.
 */
public class BatchNorm extends Module {
    private final String name;
    private final int[] ranks;
    private final int numFeatures;
    private final NormOptions options;
    private final Var weight;
    private final Var bias;
    private final RunningStats running;
    private boolean frozen;
    private boolean frozenAffine;

    /** A batch norm accepting inputs of the given ranks; {@code name} appears in error messages. */
    protected BatchNorm(String name, int numFeatures, NormOptions options, int... ranks) {
        if (numFeatures < 1) throw new IllegalArgumentException(name + ": num_features must be positive, got " + numFeatures);
        this.name = name;
        this.ranks = ranks.clone();
        this.numFeatures = numFeatures;
        this.options = options;
        this.weight = options.affine() ? registerParameter("weight", Tensor.ones(numFeatures)) : null;
        this.bias = options.affine() ? registerParameter("bias", Tensor.zeros(numFeatures)) : null;
        this.running = options.trackRunningStats() ? new RunningStats(numFeatures, options.momentum()) : null;
        if (running != null) running.register(this::registerBuffer);
    }

    @Override
    protected Var compute(Var x) {
        int[] shape = x.shape();
        if (Arrays.stream(ranks).noneMatch(r -> r == shape.length)) {
            throw new ShapeException(name + ": expected " + ranksText() + " input, got " + shape.length + "D input of shape " + Shape.str(shape));
        }
        if (shape[1] != numFeatures) {
            throw new ShapeException(name + ": expected input with " + numFeatures + " channels (dim 1), got shape " + Shape.str(shape));
        }
        int[] ncs = NormLayout.ncs(name, shape);
        NormCore.Spec spec = new NormCore.Spec(NormLayout.perChannel(ncs[0], ncs[1], ncs[2]), true, options.eps(), NormCore.AffineAxis.CHANNEL);
        Var g = frozenAffine && weight != null ? weight.detach() : weight;
        Var b = frozenAffine && bias != null ? bias.detach() : bias;
        if (running != null && (!isTraining() || frozen)) {
            return NormCore.normalizeWith(spec, running.asStats(), x, g, b);
        }
        if (spec.layout().groupSize() < 2) {
            throw new IllegalArgumentException(name + ": expected more than 1 value per channel when training, got input of shape "
                    + Shape.str(shape) + " (" + spec.layout().groupSize() + " value per channel); batch statistics need a batch: "
                    + "use GroupNorm or LayerNorm (per-sample statistics), a larger batch, or eval()");
        }
        return batchForward(spec, x, g, b);
    }

    /**
     * Normalizes with batch statistics and, in training mode with tracking, updates the running
     * estimates. Subclasses (Batch Renormalization) change how the batch statistics are applied.
     */
    protected Var batchForward(NormCore.Spec spec, Var x, Var gamma, Var beta) {
        NormCore.Result r = NormCore.normalize(spec, x, gamma, beta);
        if (isTraining() && running != null) running.update(r.stats().means(), r.stats().unbiasedVar());
        return r.output();
    }

    /**
     * Freezes the statistics: running_mean and running_var normalize in training mode too and
     * are no longer updated. With {@code freezeAffine}, weight and bias receive no gradient either.
     *
     * @throws IllegalStateException without running statistics (track_running_stats = false)
     */
    public BatchNorm freeze(boolean freezeAffine) {
        if (running == null) throw new IllegalStateException(name + ": cannot freeze without running statistics (track_running_stats = false)");
        frozen = true;
        frozenAffine = freezeAffine;
        return this;
    }

    /** Undoes {@link #freeze}. */
    public BatchNorm unfreeze() {
        frozen = false;
        frozenAffine = false;
        return this;
    }

    public boolean isFrozen() {
        return frozen;
    }

    /** The scale, or null without affine. */
    public Var weight() {
        return weight;
    }

    /** The shift, or null without affine. */
    public Var bias() {
        return bias;
    }

    /** running_mean, or null without tracking. */
    public Tensor runningMean() {
        return running == null ? null : running.mean;
    }

    /** running_var (unbiased estimates), or null without tracking. */
    public Tensor runningVar() {
        return running == null ? null : running.var;
    }

    /** Training batches counted, or 0 without tracking. */
    public long numBatchesTracked() {
        return running == null ? 0 : running.batchesTracked();
    }

    public int numFeatures() {
        return numFeatures;
    }

    public NormOptions options() {
        return options;
    }

    /** The running estimates (for subclasses), or null. */
    RunningStats running() {
        return running;
    }

    private String ranksText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ranks.length; i++) sb.append(i == 0 ? "" : " or ").append(ranks[i]).append('D');
        return sb.toString();
    }

    @Override
    protected String describe() {
        return numFeatures + ", " + options.describe() + (frozen ? ", frozen" + (frozenAffine ? " (with affine)" : "") : "");
    }
}
