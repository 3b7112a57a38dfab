package io.normlab.study;

import io.normlab.models.NormKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Study 4: does GroupNorm beat BatchNorm at small batch sizes (Wu &amp; He 2018)? The digits CNN
 * with BatchNorm, GroupNorm, LayerNorm, InstanceNorm and Batch Renormalization at batch sizes
 * 32, 16, 8, 4, 2, the same number of epochs for each, learning rate scaled linearly with the
 * batch size (Goyal et al.'s rule, as Wu &amp; He).
 */
public final class SmallBatchStudy implements Study {
    static final List<NormKind> NORMS = List.of(NormKind.BATCH, NormKind.GROUP, NormKind.LAYER, NormKind.INSTANCE, NormKind.BATCH_RENORM);
    static final int[] BATCHES = {32, 16, 8, 4, 2};
    /** Quick mode: Wu & He's key contrast, 32 against 4. */
    static final int[] QUICK_BATCHES = {32, 4};
    static final double BASE_LR = 0.1;
    /** Error differences below this (a few validation images of 359) count as no difference. */
    static final double MARGIN = 0.01;

    @Override public String id() { return "small-batch"; }

    @Override public String title() { return "Small batches: BatchNorm vs GroupNorm, LayerNorm, InstanceNorm, Batch Renorm"; }

    @Override public Claim claim() {
        return new Claim("A study by Wu and He introduced Group Normalization, showing that it outperformed batch normalization in situations "
                + "where mini-batch sizes are small, thus providing a more stable training process",
                "seed article, \"Recent Advances and Research in Normalization\"");
    }

    @Override public List<Literature> literature() {
        return List.of(Papers.WU_HE, Papers.RENORM);
    }

    static String list(int[] v) {
        return java.util.Arrays.toString(v).replace("[", "").replace("]", "");
    }

    static String arm(NormKind n, int b) {
        return Mlps.name(n) + "/b" + b;
    }

    @Override
    public StudyResult run(StudyConfig config, Progress progress) {
        Task task = Task.digitsImages();
        int epochs = config.pick(2, 10);
        int[] batches = config.quick() ? QUICK_BATCHES : BATCHES;
        List<Long> seeds = config.seeds();
        List<Arm> arms = new ArrayList<>();
        for (NormKind n : NORMS) for (int b : batches) {
            int steps = epochs * (task.train().size() / b);
            arms.add(Arm.of(arm(n, b), task, Cnns.digits(n)::build,
                    TrainSpec.of(OptimizerSpec.sgd(BASE_LR * b / 32, 0.9), b, steps, Math.max(1, steps / 10))));
        }
        Outcome out = new Outcome(this, config, seeds);
        progress.start(id(), arms.size() * seeds.size());
        Results r = Experiment.run(arms, seeds, config.workers(), progress);
        out.setup(Cnns.DESCRIPTION + " Batch sizes 32, 16, 8, 4, 2, each trained " + epochs + " epochs (the same samples seen) with SGD momentum 0.9 "
                + "and lr " + BASE_LR + " x batch/32; validation in eval mode (BatchNorm and Batch Renorm use their running statistics).")
                .set("epochs", epochs).set("batch sizes", list(batches)).set("lr", BASE_LR + " x batch / 32").set("momentum", 0.9);
        for (NormKind n : NORMS) for (int b : batches) {
            String k = arm(n, b);
            out.effect(r.effect("error." + k, "validation error (" + Mlps.label(n) + ", batch " + b + ")", "%", k, x -> 1 - x.finalAccuracy()));
        }
        int big = batches[0], tiny = batches[batches.length - 1];
        double bn32 = out.median("error." + arm(NormKind.BATCH, big)), bn2 = out.median("error." + arm(NormKind.BATCH, tiny));
        double gn32 = out.median("error." + arm(NormKind.GROUP, big)), gn2 = out.median("error." + arm(NormKind.GROUP, tiny));
        double gapBig = bn32 - gn32, gapTiny = bn2 - gn2;
        out.effect(Effect.of("bn_degradation", "BatchNorm: error at batch " + tiny + " minus error at batch " + big, "%", new double[] {bn2 - bn32}));
        out.effect(Effect.of("gn_degradation", "GroupNorm: error at batch " + tiny + " minus error at batch " + big, "%", new double[] {gn2 - gn32}));
        out.effect(Effect.of("bn_minus_gn." + big, "BatchNorm's error minus GroupNorm's at batch " + big, "%", new double[] {gapBig}));
        out.effect(Effect.of("bn_minus_gn." + tiny, "BatchNorm's error minus GroupNorm's at batch " + tiny, "%", new double[] {gapTiny}));
        StringBuilder small = new StringBuilder();
        boolean gnBetterSmall = true;
        int[] smallest = batches.length > 2 ? new int[] {batches[batches.length - 2], tiny} : new int[] {tiny};
        for (int b : smallest) {
            double bn = out.median("error." + arm(NormKind.BATCH, b)), gn = out.median("error." + arm(NormKind.GROUP, b));
            gnBetterSmall &= gn <= bn - MARGIN;
            small.append(small.length() == 0 ? "" : "; ").append("batch ").append(b).append(": GN ").append(Fmt.value(gn, "%"))
                    .append(" vs BN ").append(Fmt.value(bn, "%"));
        }
        out.check(Check.required("BatchNorm loses ground to GroupNorm as the batch shrinks: (BN - GN error) at batch " + tiny + " exceeds that at batch "
                + big + " by at least 1 point (a difference of differences, so the extra steps small batches take at equal epochs cancel)",
                gapTiny - gapBig >= MARGIN, "BN - GN: " + Fmt.points(gapBig) + " at batch " + big + ", " + Fmt.points(gapTiny) + " at batch " + tiny));
        out.check(Check.required("GroupNorm's error is at least 1 point below BatchNorm's at batch " + list(smallest), gnBetterSmall, small.toString()));
        out.check(Check.qualifier("at batch " + big + " BatchNorm is at least as good as GroupNorm (the literature: 23.6 vs 24.1)", bn32 <= gn32,
                "BN " + Fmt.value(bn32, "%") + ", GN " + Fmt.value(gn32, "%")));

        double[] x = new double[batches.length];
        for (int i = 0; i < x.length; i++) x[i] = batches[i];
        List<Series> err = new ArrayList<>();
        for (NormKind n : NORMS) {
            List<double[]> v = new ArrayList<>();
            for (int b : batches) v.add(r.perSeed(arm(n, b), y -> 1 - y.finalAccuracy()));
            err.add(Results.band(Mlps.label(n), x, v));
        }
        out.chart(Chart.lines("error-by-batch", "Validation error by batch size (Wu & He's Figure 1 at CPU scale)",
                "Median over seeds with min-max band; lower is better. Wu & He: BN 23.6 -> 34.7% from 32 to 2 images per GPU, GN flat at ~24%.",
                Chart.Axis.log("batch size"), Chart.Axis.linear("validation error"), err));
        List<Series> curves = new ArrayList<>();
        for (NormKind n : NORMS) curves.add(r.accuracyCurve(arm(n, tiny), Mlps.label(n)));
        out.chart(Chart.lines("accuracy-smallest-batch", "Validation accuracy during training at batch " + tiny, "Median over seeds, band from min to max.",
                Chart.Axis.linear("step"), Chart.Axis.linear("validation accuracy"), curves));
        out.cite("Wu & He 2018", "Ioffe 2017", "Ba, Kiros & Hinton 2016", "Ulyanov, Vedaldi & Lempitsky 2016");

        String headline = "error batch " + big + " -> " + tiny + ": BN " + Fmt.value(bn32, "%") + " -> " + Fmt.value(bn2, "%") + ", GN " + Fmt.value(gn32, "%") + " -> "
                + Fmt.value(gn2, "%") + " (Wu & He, 32 -> 4: BN 23.6 -> 27.3, GN 24.1 -> 24.2; -> 2: BN 34.7)";
        String explanation = "From batch " + big + " to " + tiny + " the BatchNorm CNN's validation error goes from " + out.text("error." + arm(NormKind.BATCH, big))
                + " to " + out.text("error." + arm(NormKind.BATCH, tiny)) + " and the GroupNorm CNN's from " + out.text("error." + arm(NormKind.GROUP, big))
                + " to " + out.text("error." + arm(NormKind.GROUP, tiny)) + " (at batch " + tiny + ": LayerNorm " + out.text("error." + arm(NormKind.LAYER, tiny))
                + ", InstanceNorm " + out.text("error." + arm(NormKind.INSTANCE, tiny)) + ", Batch Renorm " + out.text("error." + arm(NormKind.BATCH_RENORM, tiny))
                + "). At equal epochs a small batch takes many more steps, which at this short budget lowers every normalization's error, so "
                + "the test is BatchNorm's error relative to GroupNorm's: " + Fmt.points(gapBig) + " at batch " + big + " and " + Fmt.points(gapTiny)
                + " at batch " + tiny + ". Wu & He measured BN 23.6 -> 27.3 -> 34.7% at 32, 4 and 2 images per GPU against GN 24.1 -> 24.2 -> 24.1% "
                + "on ResNet-50/ImageNet. Where NormLab's numbers differ, the scale is the likely reason: on 8x8 images each BatchNorm statistic "
                + "pools batch x 64 values in the first block and batch x 16 in the second, so a batch of 4 still estimates every mean and "
                + "variance from 64 values or more, and the eval-mode running averages are correspondingly less noisy than for a ResNet's late "
                + "7x7 layers; GroupNorm's statistics never depend on the batch. Batch Renorm corrects the batch statistics toward the running "
                + "ones (Ioffe 2017).";
        return out.finish(headline, explanation);
    }
}
