package io.normlab.diagnostics;

import io.normlab.nn.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains problems and proposes fixes. Static checks read the architecture (module tree in
 * registration order, which is the forward order of a Sequential) and optional facts about the
 * data; dynamic advice ({@link #fromDiagnosis}) turns verdicts into plain advice with the evidence.
 *
 * <p>Static checks: normalization right after an activation (the BN paper normalizes the
 * activation's input); BatchNorm with batches under {@link Thresholds#SMALL_BATCH}; BatchNorm
 * inside a recurrent layer; a weight layer with a bias right before BatchNorm (the mean
 * subtraction cancels the bias); at least {@link Thresholds#DEEP_NETWORK} weight layers with
 * sigmoid/tanh and no normalization; inputs whose feature scales (max |x|, the definition
 * {@link io.normlab.data.Standardizer} uses too: see {@link io.normlab.data.FeatureScales}) differ
 * by more than {@link Thresholds#INPUT_SCALE_RATIO} or whose |mean| exceeds
 * {@link Thresholds#INPUT_MEAN_TO_STD} standard deviations. Layers without parameters that are neither activations nor norms
 * (Dropout, Identity) are transparent for "right after".
 */
public final class Advisor {
    private Advisor() {}

    /**
     * Facts the architecture does not carry.
     *
     * @param batchSize training batch size, 0 when unknown
     * @param inputs    input feature statistics, or null when unknown
     */
    public record Context(int batchSize, InputStats inputs) {
        public Context {
            if (batchSize < 0) throw new IllegalArgumentException("Advisor.Context: batchSize must be >= 0 (0 = unknown), got " + batchSize);
        }

        public static Context none() {
            return new Context(0, null);
        }

        public Context withBatchSize(int b) {
            return new Context(b, inputs);
        }

        public Context withInputs(InputStats s) {
            return new Context(batchSize, s);
        }
    }

    /** Static checks, then dynamic advice. */
    public static List<Advice> advise(Module model, Context context, Diagnosis diagnosis) {
        List<Advice> out = checkArchitecture(model, context);
        out.addAll(fromDiagnosis(diagnosis));
        return out;
    }

    /** Dynamic advice from one step's verdicts (empty when healthy). */
    public static List<Advice> fromDiagnosis(Diagnosis d) {
        return DynamicAdvice.of(d);
    }

    /** The static checks on {@code model} with {@code context}. */
    public static List<Advice> checkArchitecture(Module model, Context context) {
        List<Advice> out = new ArrayList<>();
        List<String> recurrent = new ArrayList<>();
        List<LayerInfo> seq = new ArrayList<>(), batchNorms = new ArrayList<>();
        List<String> bnInRecurrence = new ArrayList<>();
        int weights = 0;
        boolean saturating = false, norm = false;
        for (Map.Entry<String, Module> e : model.namedModules().entrySet()) {
            LayerInfo info = new LayerInfo(e.getValue(), e.getKey());
            boolean inRecurrence = recurrent.stream().anyMatch(r -> r.isEmpty() || info.path.startsWith(r + "."));
            if (info.kind == LayerKind.RECURRENT && !inRecurrence) recurrent.add(info.path);
            if (info.kind == LayerKind.BATCH_NORM) {
                batchNorms.add(info);
                if (inRecurrence) bnInRecurrence.add(info.path);
            }
            norm |= info.kind.isNorm();
            saturating |= info.kind.saturates();
            if (info.kind == LayerKind.WEIGHT && !inRecurrence) weights++;
            boolean transparent = info.kind == LayerKind.CONTAINER || (info.kind == LayerKind.OTHER && info.weights.isEmpty());
            if (!inRecurrence && !transparent) seq.add(info);
        }
        adjacency(seq, out);
        if (!batchNorms.isEmpty() && context.batchSize() > 0 && context.batchSize() < Thresholds.SMALL_BATCH) {
            out.add(new Advice(Advice.Finding.BATCH_NORM_SMALL_BATCH, paths(batchNorms),
                    "BatchNorm with batch size " + context.batchSize() + " (under " + Thresholds.SMALL_BATCH + "): its batch statistics are noisy",
                    "use GroupNorm or LayerNorm, which do not depend on the batch (" + Papers.WU_HE + "), or Batch Renormalization ("
                            + Papers.RENORM + "), or a larger batch", List.of(Papers.WU_HE, Papers.RENORM)));
        }
        if (!bnInRecurrence.isEmpty()) {
            out.add(new Advice(Advice.Finding.BATCH_NORM_IN_RECURRENCE, Text.paths(bnInRecurrence, 5),
                    "BatchNorm inside a recurrent layer: statistics are shared across time steps of different distributions and need a batch",
                    "use LayerNorm on the gate pre-activations and the cell state (" + Papers.BA + ")", List.of(Papers.BA)));
        }
        if (weights >= Thresholds.DEEP_NETWORK && saturating && !norm) {
            out.add(new Advice(Advice.Finding.DEEP_SATURATING_NO_NORM, "model",
                    weights + " weight layers with sigmoid/tanh and no normalization: the gradient shrinks at each saturating layer",
                    "put BatchNorm before each activation (" + Papers.IOFFE + "), or use ReLU with He init (" + Papers.HE + ")",
                    List.of(Papers.IOFFE, Papers.HE)));
        }
        if (context.inputs() != null) inputChecks(context.inputs(), out);
        return out;
    }

    private static void adjacency(List<LayerInfo> seq, List<Advice> out) {
        List<LayerInfo> normAfterAct = new ArrayList<>(), biasBeforeBn = new ArrayList<>();
        for (int i = 1; i < seq.size(); i++) {
            LayerInfo a = seq.get(i - 1), b = seq.get(i);
            if (a.kind.isActivation() && b.kind.isNorm()) normAfterAct.add(b);
            if (a.kind == LayerKind.WEIGHT && b.kind == LayerKind.BATCH_NORM && a.module.namedParameters().containsKey("bias")) biasBeforeBn.add(a);
        }
        if (!normAfterAct.isEmpty()) {
            out.add(new Advice(Advice.Finding.NORM_AFTER_ACTIVATION, paths(normAfterAct),
                    "normalization applied to the activation's output (Linear -> activation -> norm)",
                    "normalize the activation's input instead (Linear -> norm -> activation), as in the BN paper (" + Papers.IOFFE
                            + "): it keeps sigmoid/tanh out of saturation; with ReLU both placements train, so measure",
                    List.of(Papers.IOFFE)));
        }
        if (!biasBeforeBn.isEmpty()) {
            out.add(new Advice(Advice.Finding.BIAS_BEFORE_BATCH_NORM, paths(biasBeforeBn),
                    "a bias right before BatchNorm: the mean subtraction cancels it, BatchNorm's beta plays its role",
                    "create the layer with bias=false (" + Papers.IOFFE + ", section 3.2)", List.of(Papers.IOFFE)));
        }
    }

    private static void inputChecks(InputStats in, List<Advice> out) {
        float[] mean = in.means(), std = in.stds();
        int off = -1;
        double worstOffset = 0;
        for (int j = 0; j < std.length; j++) {
            if (!(std[j] > 0)) continue; // constant features are not off-centre in any useful sense
            double ratio = Math.abs(mean[j]) / std[j];
            if (ratio > worstOffset) { worstOffset = ratio; off = j; }
        }
        if (in.scales().ratio() > Thresholds.INPUT_SCALE_RATIO) {
            out.add(new Advice(Advice.Finding.INPUT_SCALES_DIFFER, "input",
                    in.scales().describe() + ": the large features dominate the first layer's gradient",
                    "standardize each feature with the training set's mean and std (" + Papers.LECUN + ")", List.of(Papers.LECUN)));
        }
        if (off >= 0 && worstOffset > Thresholds.INPUT_MEAN_TO_STD) {
            out.add(new Advice(Advice.Finding.INPUT_NOT_CENTERED, "input",
                    "feature " + off + " has mean " + Text.num(mean[off]) + " = " + Text.num(worstOffset) + " standard deviations ("
                            + Text.num(std[off]) + "): uncentred inputs bias every first-layer unit the same way and slow learning",
                    "subtract the training mean and divide by the std (" + Papers.LECUN + ")", List.of(Papers.LECUN)));
        }
    }

    private static String paths(List<LayerInfo> infos) {
        List<String> p = new ArrayList<>();
        for (LayerInfo i : infos) p.add(i.path);
        return Text.paths(p, 5);
    }
}
