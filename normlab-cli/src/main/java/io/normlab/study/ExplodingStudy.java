package io.normlab.study;

import io.normlab.diagnostics.Growth;
import io.normlab.models.Activation;
import io.normlab.models.MlpSpec;
import io.normlab.models.NormKind;
import io.normlab.nn.init.Initializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Study 2: does normalization fix exploding gradients? Part A: deep linear and ReLU MLPs whose
 * hidden weights are N(0, gain^2/fan_in) with gain 1.5x the critical value (1 for linear,
 * sqrt(2) for ReLU): no normalization vs BatchNorm vs LayerNorm vs gradient-norm clipping.
 * Part B, the counter-case (Yang et al. 2019): BatchNorm nets without skip connections at the
 * critical init, gradient growth per layer at initialization and after a few steps, over batch
 * sizes 128, 8, 4.
 */
public final class ExplodingStudy implements Study {
    static final List<Activation> NETS = List.of(Activation.IDENTITY, Activation.RELU);
    static final List<String> FIXES = List.of("none", "batch", "layer", "clip");
    static final int[] BATCHES = {128, 8, 4};
    /** The plain net "explodes" when ||dL/dh_1|| / ||dL/dh_L|| at init exceeds this. */
    static final double EXPLODED_RATIO = 100;
    /** A fix keeps the gradient "bounded" when the ratio at init is at most this. */
    static final double BOUNDED_RATIO = 10;
    /** Growth per layer at init that counts as BatchNorm's own explosion (Yang et al.). */
    static final double YANG_FACTOR = 1.05;
    static final double CLIP = 1.0;

    @Override public String id() { return "exploding"; }

    @Override public String title() { return "Exploding gradients: deep linear/ReLU nets, and BatchNorm's own explosion at init"; }

    @Override public Claim claim() {
        return new Claim("By introducing normalization, the values of the gradients can be kept within a manageable range. [...] the "
                + "incorporation of normalization not only prevents the occurrence of exploding gradients but also enhances model performance "
                + "during training.", "seed article, \"How Normalization Mitigates Exploding Gradients\"");
    }

    @Override public List<Literature> literature() {
        return List.of(Papers.YANG, Papers.PASCANU, Papers.SANTURKAR);
    }

    static String name(Activation a) {
        return a == Activation.IDENTITY ? "linear" : "relu";
    }

    static double criticalGain(Activation a) {
        return a == Activation.IDENTITY ? 1.0 : Math.sqrt(2);
    }

    @Override
    public StudyResult run(StudyConfig config, Progress progress) {
        Task task = Task.digits();
        int depth = config.pick(30, 50), width = 32, steps = config.pick(60, 300), yangSteps = config.pick(10, 50);
        List<Long> seeds = config.seeds();
        TrainSpec base = TrainSpec.of(OptimizerSpec.sgd(0.01, 0.9), 64, steps, config.pick(10, 25)).withProbes(0);
        List<Arm> arms = new ArrayList<>();
        for (Activation a : NETS) {
            MlpSpec plain = Mlps.spec(task, depth, width, a, NormKind.NONE).withHiddenInit(Initializer.scaledNormal(1.5 * criticalGain(a)), true);
            for (String f : FIXES) {
                MlpSpec spec = f.equals("batch") ? plain.withNorm(NormKind.BATCH) : f.equals("layer") ? plain.withNorm(NormKind.LAYER) : plain;
                arms.add(Arm.of(name(a) + "/" + f, task, Mlps.factory(spec), f.equals("clip") ? base.withClipNorm(CLIP) : base));
            }
            MlpSpec bn = Mlps.spec(task, depth, width, a, NormKind.BATCH).withHiddenInit(Initializer.scaledNormal(criticalGain(a)), true);
            for (int b : BATCHES) {
                arms.add(Arm.of(name(a) + "/bn-batch" + b, task, Mlps.factory(bn),
                        TrainSpec.of(OptimizerSpec.sgd(0.01, 0.9), b, yangSteps, yangSteps).withProbes(0, yangSteps - 1)));
            }
        }
        Outcome out = new Outcome(this, config, seeds);
        progress.start(id(), arms.size() * seeds.size());
        Results r = Experiment.run(arms, seeds, config.workers(), progress);
        out.setup("Part A: MLP on the UCI digits with " + depth + " hidden Linear(" + width + ") layers, hidden weights N(0, gain^2/fan_in) with "
                + "gain 1.5 (linear) or 1.5*sqrt(2) (ReLU), hidden biases 0; no normalization, BatchNorm or LayerNorm after each Linear, or no "
                + "normalization with the global gradient norm clipped to " + CLIP + "; SGD lr 0.01, momentum 0.9, batch 64, " + steps + " steps. "
                + "Part B (Yang et al.'s counter-case): the same depth with BatchNorm after each Linear, critical init (gain 1 linear, sqrt(2) ReLU), "
                + "batch " + BATCHES[0] + ", " + BATCHES[1] + " and " + BATCHES[2] + "; gradient growth per layer (geometric mean of "
                + "||dL/dh_l|| / ||dL/dh_l+1||, fitted over all layers) at step 0 and after " + (yangSteps - 1) + " SGD steps.")
                .set("depth", depth).set("width", width).set("steps (part A)", steps).set("steps (part B)", yangSteps)
                .set("optimizer", base.optimizer()).set("clip norm", CLIP).set("batch sizes (part B)", "128, 8, 4");
        for (Activation a : NETS) for (String f : FIXES) {
            String k = name(a) + "/" + f;
            out.effect(r.effect("ratio_init." + k, "||dL/dh_1|| / ||dL/dh_" + depth + "|| at init (" + k + ")", "", k, x -> x.profile(0).actRatio()));
            out.effect(r.effect("factor_init." + k, "gradient growth per layer toward the input at init (" + k + ")", "x", k,
                    x -> Growth.backwardFactor(x.profile(0).actGrad())));
            out.effect(r.effect("diverged." + k, "share of runs that diverged (" + k + ")", "%", k, x -> x.diverged() ? 1 : 0));
            out.effect(r.effect("accuracy." + k, "validation accuracy at the end (" + k + ")", "%", k, RunResult::finalAccuracy));
        }
        for (Activation a : NETS) for (int b : BATCHES) {
            String k = name(a) + "/bn-batch" + b;
            out.effect(r.effect("yang_init." + k, "BatchNorm net, batch " + b + ": growth per layer at init (" + name(a) + ")", "x", k,
                    x -> Growth.backwardFactor(x.profile(0).actGrad())));
            out.effect(r.effect("yang_after." + k, "BatchNorm net, batch " + b + ": growth per layer after " + (yangSteps - 1) + " steps ("
                    + name(a) + ")", "x", k, x -> Growth.backwardFactor(x.profile(yangSteps - 1).actGrad())));
            out.effect(r.effect("yang_ratio." + k, "BatchNorm net, batch " + b + ": ||dL/dh_1|| / ||dL/dh_" + depth + "|| at init (" + name(a) + ")",
                    "", k, x -> x.profile(0).actRatio()));
        }
        for (int b : BATCHES) {
            double predicted = Math.sqrt((b - 2.0) / (b - 3.0));
            out.effect(Effect.of("yang_theory.linear/bn-batch" + b, "mean-field prediction for the linear BatchNorm net, batch " + b
                    + ": sqrt((B-2)/(B-3)) per layer", "x", new double[] {predicted}));
        }

        for (Activation a : NETS) {
            String n = name(a);
            out.check(Check.required("without normalization the " + n + " net's gradient explodes at init: ||dL/dh_1||/||dL/dh_L|| > "
                    + Fmt.num(EXPLODED_RATIO), r.median(n + "/none", x -> x.profile(0).actRatio()) > EXPLODED_RATIO, out.text("ratio_init." + n + "/none")));
        }
        for (String f : List.of("batch", "layer")) {
            String label = f.equals("batch") ? "BatchNorm" : "LayerNorm";
            boolean bounded = true, trains = true;
            StringBuilder ev = new StringBuilder(), evAcc = new StringBuilder();
            for (Activation a : NETS) {
                String k = name(a) + "/" + f;
                double ratio = r.median(k, x -> x.profile(0).actRatio());
                bounded &= ratio <= BOUNDED_RATIO && ratio >= 1 / BOUNDED_RATIO;
                trains &= r.divergedShare(k) == 0 && r.median(k, RunResult::finalAccuracy) >= r.median(name(a) + "/none", RunResult::finalAccuracy) + 0.2;
                ev.append(ev.length() == 0 ? "" : "; ").append(name(a)).append(": ").append(out.text("ratio_init." + k));
                evAcc.append(evAcc.length() == 0 ? "" : "; ").append(name(a)).append(": ").append(out.text("accuracy." + k)).append(", diverged ")
                        .append(out.text("diverged." + k)).append(" (plain: ").append(out.text("accuracy." + name(a) + "/none")).append(")");
            }
            out.check(Check.required(label + " keeps the gradient within " + Fmt.num(BOUNDED_RATIO) + "x between first and last layer at init (linear and ReLU)",
                    bounded, ev.toString()));
            out.check(Check.required(label + " makes the net train: no divergence and accuracy at least 20 points above the plain net", trains, evAcc.toString()));
        }
        StringBuilder yang = new StringBuilder();
        boolean explodesAtInit = false;
        for (Activation a : NETS) for (int b : BATCHES) {
            String k = name(a) + "/bn-batch" + b;
            explodesAtInit |= r.median(k, x -> Growth.backwardFactor(x.profile(0).actGrad())) > YANG_FACTOR;
            yang.append(yang.length() == 0 ? "" : "; ").append(name(a)).append(" B=").append(b).append(": ").append(out.text("yang_init." + k));
        }
        out.check(Check.qualifier("a BatchNorm net without skip connections has gradients growing more than " + YANG_FACTOR
                + "x per layer toward the input at init (Yang et al.), for some batch size", explodesAtInit, yang.toString()));

        List<Series> ratioCharts = new ArrayList<>();
        for (Activation a : NETS) {
            List<Series> prof = new ArrayList<>(), acc = new ArrayList<>();
            for (String f : FIXES) {
                String label = f.equals("none") ? "no norm" : f.equals("batch") ? "BatchNorm" : f.equals("layer") ? "LayerNorm" : "clip " + CLIP;
                if (!f.equals("clip")) prof.add(r.depthProfile(name(a) + "/" + f, label, 0, Profile::actGrad));
                acc.add(r.accuracyCurve(name(a) + "/" + f, label));
            }
            out.chart(Chart.lines(name(a) + "-profile-init", name(a) + " net, gain 1.5x critical: ||dL/dh_l|| at initialization",
                    "A line rising to the left is an exploding gradient (clipping acts on the update, not on this profile).",
                    Chart.Axis.linear("hidden layer l"), Chart.Axis.log("||dL/dh_l||"), prof));
            out.chart(Chart.lines(name(a) + "-accuracy", name(a) + " net: validation accuracy", "Median over seeds, band from min to max; a "
                    + "diverged run keeps the accuracy of the weights that produced the non-finite loss.",
                    Chart.Axis.linear("step"), Chart.Axis.linear("validation accuracy"), acc));
            List<Series> yp = new ArrayList<>();
            for (int b : BATCHES) yp.add(r.depthProfile(name(a) + "/bn-batch" + b, "batch " + b, 0, Profile::actGrad));
            out.chart(Chart.lines(name(a) + "-bn-batch-profile", name(a) + " BatchNorm net at init, by batch size (Yang et al.)",
                    "BatchNorm after every Linear, critical init: the gradient still grows toward the input, more at small batches.",
                    Chart.Axis.linear("hidden layer l"), Chart.Axis.log("||dL/dh_l||"), yp));
        }
        for (Activation a : NETS) {
            double[] x = new double[BATCHES.length];
            List<double[]> init = new ArrayList<>(), after = new ArrayList<>();
            for (int i = 0; i < BATCHES.length; i++) {
                x[i] = BATCHES[i];
                String k = name(a) + "/bn-batch" + BATCHES[i];
                init.add(r.perSeed(k, y -> Growth.backwardFactor(y.profile(0).actGrad())));
                after.add(r.perSeed(k, y -> Growth.backwardFactor(y.profile(yangSteps - 1).actGrad())));
            }
            ratioCharts.add(Results.band(name(a) + " at init", x, init));
            ratioCharts.add(Results.band(name(a) + " after " + (yangSteps - 1) + " steps", x, after));
        }
        double[] bx = new double[BATCHES.length], theory = new double[BATCHES.length];
        for (int i = 0; i < BATCHES.length; i++) {
            bx[i] = BATCHES[i];
            theory[i] = Math.sqrt((BATCHES[i] - 2.0) / (BATCHES[i] - 3.0));
        }
        ratioCharts.add(Series.line("linear, mean-field theory", bx, theory));
        out.chart(Chart.lines("bn-growth-by-batch", "BatchNorm nets: gradient growth per layer vs batch size",
                "Above 1 the gradient grows toward the input (explodes with depth); compare init with after a few steps.",
                Chart.Axis.log("batch size"), Chart.Axis.linear("growth per layer (x)"), ratioCharts));
        out.cite("Yang et al. 2019", "Pascanu, Mikolov & Bengio 2013", "Ioffe & Szegedy 2015", "Ba, Kiros & Hinton 2016", "Santurkar et al. 2018");

        String headline = "first/last gradient ratio at init, ReLU: none " + out.text("ratio_init.relu/none") + ", BN " + out.text("ratio_init.relu/batch")
                + ", LN " + out.text("ratio_init.relu/layer") + "; BN net growth per layer at init, ReLU batch 4: " + out.text("yang_init.relu/bn-batch4")
                + " (after " + (yangSteps - 1) + " steps " + out.text("yang_after.relu/bn-batch4") + ")";
        String explanation = "With weights 1.5x the critical scale and no normalization, the gradient at the first of " + depth + " layers is "
                + out.text("ratio_init.linear/none") + " times the last's in the linear net and " + out.text("ratio_init.relu/none") + " in the ReLU net; "
                + "training diverged in " + out.text("diverged.linear/none") + " and " + out.text("diverged.relu/none") + " of the runs. LayerNorm "
                + "brings the ratio to " + out.text("ratio_init.linear/layer") + " (linear) and " + out.text("ratio_init.relu/layer") + " (ReLU); "
                + "BatchNorm to " + out.text("ratio_init.linear/batch") + " and " + out.text("ratio_init.relu/batch") + ". Clipping the gradient norm "
                + "to " + CLIP + " (Pascanu et al.'s remedy) leaves the profile as it is but bounds each update: diverged "
                + out.text("diverged.linear/clip") + " / " + out.text("diverged.relu/clip") + ", accuracy " + out.text("accuracy.linear/clip")
                + " / " + out.text("accuracy.relu/clip") + ". But normalization does not simply remove exploding gradients: a BatchNorm net "
                + "without skip connections at the critical init still has gradients growing " + out.text("yang_init.linear/bn-batch4")
                + " per layer toward the input at batch 4 (linear; the mean-field prediction sqrt((B-2)/(B-3)) is " + Fmt.num(Math.sqrt(2))
                + ", derived for infinitely wide layers, ours have " + width + " units), " + out.text("yang_init.linear/bn-batch8") + " at batch 8 (prediction "
                + Fmt.num(Math.sqrt(6.0 / 5)) + "), " + out.text("yang_init.linear/bn-batch128") + " at batch 128, and " + out.text("yang_init.relu/bn-batch4") + " / "
                + out.text("yang_init.relu/bn-batch128") + " with ReLU, as Yang et al. predict (more at small batches and with ReLU); after "
                + (yangSteps - 1) + " SGD steps the ReLU factor at batch 4 is " + out.text("yang_after.relu/bn-batch4")
                + (r.median(name(Activation.RELU) + "/bn-batch4", x -> Growth.backwardFactor(x.profile(yangSteps - 1).actGrad()))
                        < r.median(name(Activation.RELU) + "/bn-batch4", x -> Growth.backwardFactor(x.profile(0).actGrad())) - 0.05
                        ? ": the growth has largely faded, as Yang et al. found once training starts. " : ": it has not faded yet. ")
                + "In part A the ReLU BatchNorm net, whose gradient grows " + out.text("factor_init.relu/batch") + " per layer at init, ends at "
                + out.text("accuracy.relu/batch") + ": a " + depth + "-layer BatchNorm net without skips barely trains, which is Yang et al.'s point. "
                + "(The ReLU nets with LayerNorm or clipping also stay low, " + out.text("accuracy.relu/layer") + " and " + out.text("accuracy.relu/clip")
                + ", in this short budget at one learning rate.) The article's claim holds where normalization bounds "
                + "the gradient (the linear nets, and LayerNorm) but needs the qualification the literature gives: BatchNorm itself causes gradient explosion at "
                + "initialization in deep nets without skips, and the standard remedy for exploding gradients (above all in RNNs) is clipping.";
        return out.finish(headline, explanation);
    }
}
