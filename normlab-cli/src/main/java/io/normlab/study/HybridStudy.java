package io.normlab.study;

import io.normlab.models.NormKind;
import io.normlab.nn.Module;
import io.normlab.nn.norm.BatchInstanceNorm;
import io.normlab.nn.norm.SwitchableNorm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Study 9: do hybrid normalizations beat their parts? The digits CNN with Switchable
 * Normalization (learned softmax mix of IN/LN/BN statistics) and Batch-Instance Normalization
 * (learned per-channel gate between BN and IN) against BatchNorm, InstanceNorm and LayerNorm, at
 * a normal and a small batch size; the learned mixes and gates per layer are reported.
 */
public final class HybridStudy implements Study {
    static final List<NormKind> NORMS = List.of(NormKind.BATCH, NormKind.INSTANCE, NormKind.LAYER, NormKind.SWITCHABLE, NormKind.BATCH_INSTANCE);
    static final int[] BATCHES = {32, 4};
    static final double TIE = 0.01;

    @Override public String id() { return "hybrids"; }

    @Override public String title() { return "Hybrid normalization: Switchable Norm and Batch-Instance Norm against their parts"; }

    @Override public Claim claim() {
        return new Claim("Hybrid Normalization, which blends approaches like batch, layer, and instance normalization, is being investigated for "
                + "its potential to achieve greater robustness. Recent findings suggest that these hybrid methods can offer a more adaptable "
                + "framework to varying architectures and applications", "seed article, \"Recent Advances and Research in Normalization\"");
    }

    @Override public List<Literature> literature() {
        return List.of(Papers.LUO_SN, Papers.NAM_BIN);
    }

    static String arm(NormKind n, int b) {
        return Mlps.name(n) + "/b" + b;
    }

    /** The learned mixes: per layer, SN's mean and variance weights over (IN, LN, BN), BIN's mean gate. */
    static Map<String, double[]> inspect(Module model) {
        Map<String, double[]> out = new LinkedHashMap<>();
        int sn = 0, bin = 0;
        for (Module m : model.namedModules().values()) {
            if (m instanceof SwitchableNorm s) {
                sn++;
                out.put("sn" + sn + ".mean", toDouble(s.meanMix()));
                out.put("sn" + sn + ".var", toDouble(s.varMix()));
            } else if (m instanceof BatchInstanceNorm b) {
                bin++;
                float[] g = b.gate().value().data();
                double s = 0;
                for (float v : g) s += v;
                out.put("bin" + bin + ".gate", new double[] {s / g.length});
            }
        }
        return out;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    @Override
    public StudyResult run(StudyConfig config, Progress progress) {
        Task task = Task.digitsImages();
        int epochs = config.pick(2, 10);
        List<Long> seeds = config.seeds();
        List<Arm> arms = new ArrayList<>();
        for (NormKind n : NORMS) for (int b : BATCHES) {
            int steps = epochs * (task.train().size() / b);
            arms.add(Arm.of(arm(n, b), task, Cnns.digits(n)::build,
                    TrainSpec.of(OptimizerSpec.sgd(SmallBatchStudy.BASE_LR * b / 32, 0.9), b, steps, Math.max(1, steps / 10))).withInspector(HybridStudy::inspect));
        }
        Outcome out = new Outcome(this, config, seeds);
        progress.start(id(), arms.size() * seeds.size());
        Results r = Experiment.run(arms, seeds, config.workers(), progress);
        out.setup(Cnns.DESCRIPTION + " Normalizations: BatchNorm, InstanceNorm, LayerNorm, Switchable Norm (Luo et al.: mean and variance "
                + "each a softmax-weighted mix of the IN, LN and BN statistics, weights learned, start equal) and Batch-Instance Norm (Nam & Kim: "
                + "rho*BN + (1-rho)*IN per channel, rho learned from 1 and clipped to [0, 1] after each step). Batch " + BATCHES[0] + " and "
                + BATCHES[1] + ", " + epochs + " epochs, SGD momentum 0.9, lr " + SmallBatchStudy.BASE_LR + " x batch/32.")
                .set("epochs", epochs).set("batch sizes", BATCHES[0] + ", " + BATCHES[1]).set("lr", SmallBatchStudy.BASE_LR + " x batch / 32");
        for (NormKind n : NORMS) for (int b : BATCHES) {
            String k = arm(n, b);
            out.effect(r.effect("error." + k, "validation error (" + Mlps.label(n) + ", batch " + b + ")", "%", k, x -> 1 - x.finalAccuracy()));
        }
        String[] parts = {"IN", "LN", "BN"};
        for (int b : BATCHES) for (int layer = 1; layer <= 2; layer++) {
            final int l = layer;
            for (int p = 0; p < 3; p++) {
                final int part = p;
                out.effect(r.effect("sn_mean." + b + ".layer" + l + "." + parts[p], "Switchable Norm layer " + l + ", batch " + b + ": learned weight of "
                        + parts[p] + " in the mean", "", arm(NormKind.SWITCHABLE, b), x -> x.extra("sn" + l + ".mean")[part]));
            }
            out.effect(r.effect("bin_gate." + b + ".layer" + l, "Batch-Instance Norm layer " + l + ", batch " + b + ": mean gate rho (1 = all BN)", "",
                    arm(NormKind.BATCH_INSTANCE, b), x -> x.extra("bin" + l + ".gate")[0]));
        }
        for (int b : BATCHES) {
            double sn = out.median("error." + arm(NormKind.SWITCHABLE, b)), bin = out.median("error." + arm(NormKind.BATCH_INSTANCE, b));
            double bestSnPart = Math.min(out.median("error." + arm(NormKind.BATCH, b)),
                    Math.min(out.median("error." + arm(NormKind.INSTANCE, b)), out.median("error." + arm(NormKind.LAYER, b))));
            double bestBinPart = Math.min(out.median("error." + arm(NormKind.BATCH, b)), out.median("error." + arm(NormKind.INSTANCE, b)));
            out.check(Check.required("batch " + b + ": Switchable Norm's error is within " + Math.round(100 * TIE) + " point of its best part (BN, IN, LN) or lower",
                    sn <= bestSnPart + TIE, "SN " + Fmt.value(sn, "%") + ", best part " + Fmt.value(bestSnPart, "%")));
            out.check(Check.required("batch " + b + ": Batch-Instance Norm's error is within " + Math.round(100 * TIE) + " point of its best part (BN, IN) or lower",
                    bin <= bestBinPart + TIE, "BIN " + Fmt.value(bin, "%") + ", best part " + Fmt.value(bestBinPart, "%")));
        }
        double snGain = Math.min(out.median("error." + arm(NormKind.BATCH, BATCHES[0])), out.median("error." + arm(NormKind.LAYER, BATCHES[0])))
                - out.median("error." + arm(NormKind.SWITCHABLE, BATCHES[0]));
        out.check(Check.qualifier("the hybrids' advantage is small: Switchable Norm beats its best part by less than 1 point at batch " + BATCHES[0]
                + " (Luo et al.: +0.5 over BN)", snGain < 0.01, Fmt.points(snGain)));

        for (int b : BATCHES) {
            List<Series> mix = new ArrayList<>();
            double[] layers = {1, 2};
            for (int p = 0; p < 3; p++) {
                List<double[]> v = new ArrayList<>();
                for (int l = 1; l <= 2; l++) v.add(out.effectOf("sn_mean." + b + ".layer" + l + "." + parts[p]).perSeed());
                mix.add(Results.band(parts[p] + " weight (mean)", layers, v));
            }
            List<double[]> gates = new ArrayList<>();
            for (int l = 1; l <= 2; l++) gates.add(out.effectOf("bin_gate." + b + ".layer" + l).perSeed());
            mix.add(Results.band("BIN gate rho (BN share)", layers, gates));
            out.chart(Chart.lines("learned-mix-b" + b, "Learned mix per conv layer, batch " + b,
                    "Switchable Norm's softmax weights of IN/LN/BN in the mean (start 1/3 each) and Batch-Instance Norm's mean gate (start 1 = BN).",
                    Chart.Axis.linear("conv layer"), Chart.Axis.linear("weight"), mix));
        }
        List<Series> curves = new ArrayList<>();
        for (NormKind n : NORMS) curves.add(r.accuracyCurve(arm(n, BATCHES[1]), Mlps.label(n)));
        out.chart(Chart.lines("accuracy-b" + BATCHES[1], "Validation accuracy during training, batch " + BATCHES[1], "Median over seeds, band from min to max.",
                Chart.Axis.linear("step"), Chart.Axis.linear("validation accuracy"), curves));
        out.cite("Luo et al. 2019", "Nam & Kim 2018", "Wu & He 2018");

        int b0 = BATCHES[0], b1 = BATCHES[1];
        String headline = "error at batch " + b0 + " / " + b1 + ": SN " + Fmt.value(out.median("error." + arm(NormKind.SWITCHABLE, b0)), "%") + " / "
                + Fmt.value(out.median("error." + arm(NormKind.SWITCHABLE, b1)), "%") + ", BIN " + Fmt.value(out.median("error." + arm(NormKind.BATCH_INSTANCE, b0)), "%")
                + " / " + Fmt.value(out.median("error." + arm(NormKind.BATCH_INSTANCE, b1)), "%") + ", BN " + Fmt.value(out.median("error." + arm(NormKind.BATCH, b0)), "%")
                + " / " + Fmt.value(out.median("error." + arm(NormKind.BATCH, b1)), "%") + " (Luo et al.: SN 76.9% vs BN 76.4% top-1)";
        String explanation = "At batch " + b0 + " Switchable Norm reaches " + out.text("error." + arm(NormKind.SWITCHABLE, b0)) + " validation error and "
                + "Batch-Instance Norm " + out.text("error." + arm(NormKind.BATCH_INSTANCE, b0)) + ", against BatchNorm " + out.text("error." + arm(NormKind.BATCH, b0))
                + ", InstanceNorm " + out.text("error." + arm(NormKind.INSTANCE, b0)) + " and LayerNorm " + out.text("error." + arm(NormKind.LAYER, b0))
                + "; at batch " + b1 + ": " + out.text("error." + arm(NormKind.SWITCHABLE, b1)) + ", " + out.text("error." + arm(NormKind.BATCH_INSTANCE, b1))
                + ", " + out.text("error." + arm(NormKind.BATCH, b1)) + ", " + out.text("error." + arm(NormKind.INSTANCE, b1)) + ", "
                + out.text("error." + arm(NormKind.LAYER, b1)) + ". Switchable Norm's learned BN weight in the first layer's mean is "
                + out.text("sn_mean." + b0 + ".layer1.BN") + " at batch " + b0 + " and " + out.text("sn_mean." + b1 + ".layer1.BN") + " at batch " + b1
                + " (from 1/3); Batch-Instance Norm's gates end at " + out.text("bin_gate." + b0 + ".layer1") + " (layer 1) and "
                + out.text("bin_gate." + b0 + ".layer2") + " (layer 2) at batch " + b0 + ". Switchable Norm's margin over its best part at batch " + b0 + " is " + Fmt.points(snGain)
                + (snGain >= 0.01 ? ", more than Luo et al.'s +0.5 over BN on ImageNet; at equal epochs the batch-" + b0 + " arms take few steps, and "
                        + "the hybrids may simply converge faster early, so this margin need not survive longer training (full mode). "
                        : snGain <= -0.01 ? ": below its best part here, unlike Luo et al.'s +0.5 over BN on ImageNet (at equal, short epochs the "
                        + "learned mix has little time to settle; see full mode). "
                        : ", in line with Luo et al.'s +0.5 over BN on ImageNet. ")
                + "Luo et al. also found SN below GN at 2 images per GPU. "
                + (out.verdict() == Verdict.NOT_SUPPORTED ? "Here the hybrids fall behind their best part at every batch size tested. "
                        : out.verdict() == Verdict.SUPPORTED ? "Here the hybrids are at least as good as their best part at both batch sizes. "
                        : "Here the hybrids match their best part in some settings and not in others (see the rules below). ")
                + "They visibly adapt their mix per layer, the article's \"more adaptable framework\", and cost more compute, since every "
                + "layer computes all of its parts' statistics.";
        return out.finish(headline, explanation);
    }
}
