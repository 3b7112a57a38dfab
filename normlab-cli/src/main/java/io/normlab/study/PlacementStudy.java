package io.normlab.study;

import io.normlab.models.Activation;
import io.normlab.models.MlpSpec;
import io.normlab.models.NormKind;
import io.normlab.models.Placement;
import java.util.ArrayList;
import java.util.List;

/**
 * Study 7: BatchNorm before or after the activation? A 10-layer MLP with ReLU and with sigmoid:
 * no normalization, BatchNorm between Linear and activation (the BN paper), BatchNorm after the
 * activation.
 */
public final class PlacementStudy implements Study {
    static final int DEPTH = 10;
    static final List<Activation> ACTIVATIONS = List.of(Activation.RELU, Activation.SIGMOID);
    /** Accuracy margin (fraction) within which two placements count as equally good. */
    static final double TIE = 0.02;

    @Override public String id() { return "placement"; }

    @Override public String title() { return "Where to put BatchNorm: before or after the activation"; }

    @Override public Claim claim() {
        return new Claim("It is advisable to implement Batch Normalization after the linear transformations, such as fully connected layers or "
                + "convolutional layers, but before the activation functions.", "seed article, \"Best Practices for Implementing Normalization\"");
    }

    @Override public List<Literature> literature() {
        return List.of(Papers.IOFFE_PLACEMENT);
    }

    /** "more accurate", "as accurate" or "less accurate": BN after vs before the activation. */
    static String compare(Outcome out, String act) {
        double d = out.median("accuracy." + act + "/after") - out.median("accuracy." + act + "/before");
        return d > TIE ? "more accurate" : d < -TIE ? "less accurate" : "as accurate (within " + Math.round(100 * TIE) + " points)";
    }

    @Override
    public StudyResult run(StudyConfig config, Progress progress) {
        Task task = Task.digits();
        int width = 32, steps = config.pick(120, 500);
        List<Long> seeds = config.seeds();
        TrainSpec train = TrainSpec.of(OptimizerSpec.sgd(0.01, 0.9), 64, steps, config.pick(10, 25)).withProbes(0);
        List<Arm> arms = new ArrayList<>();
        for (Activation a : ACTIVATIONS) {
            MlpSpec plain = Mlps.spec(task, DEPTH, width, a, NormKind.NONE);
            arms.add(Arm.of(Mlps.name(a) + "/none", task, Mlps.factory(plain), train));
            arms.add(Arm.of(Mlps.name(a) + "/before", task, Mlps.factory(plain.withNorm(NormKind.BATCH)), train));
            arms.add(Arm.of(Mlps.name(a) + "/after", task, Mlps.factory(plain.withNorm(NormKind.BATCH).withPlacement(Placement.AFTER_ACTIVATION)), train));
        }
        Outcome out = new Outcome(this, config, seeds);
        progress.start(id(), arms.size() * seeds.size());
        Results r = Experiment.run(arms, seeds, config.workers(), progress);
        out.setup("MLP on the UCI digits with " + DEPTH + " hidden Linear(" + width + ") layers, ReLU or sigmoid, PyTorch default init: no "
                + "normalization; Linear -> BatchNorm -> activation (\"before\"); Linear -> activation -> BatchNorm (\"after\"). SGD lr 0.01, "
                + "momentum 0.9, batch 64, " + steps + " steps.")
                .set("depth", DEPTH).set("width", width).set("steps", steps).set("optimizer", train.optimizer());
        String[] places = {"none", "before", "after"};
        for (Activation a : ACTIVATIONS) for (String p : places) {
            String k = Mlps.name(a) + "/" + p;
            out.effect(r.effect("accuracy." + k, "validation accuracy (" + k + ")", "%", k, RunResult::finalAccuracy));
            out.effect(r.effect("auc." + k, "mean validation accuracy over training, a speed measure (" + k + ")", "%", k,
                    x -> Results.mean(x.valAccuracy())));
            out.effect(r.effect("ratio_init." + k, "||dL/dh_1|| / ||dL/dh_L|| at init (" + k + ")", "", k, x -> x.profile(0).actRatio()));
        }
        boolean bothWork = true;
        StringBuilder ev = new StringBuilder();
        for (Activation a : ACTIVATIONS) {
            String n = Mlps.name(a);
            double before = out.median("accuracy." + n + "/before"), after = out.median("accuracy." + n + "/after");
            bothWork &= Math.abs(before - after) <= TIE;
            String e = "before " + out.text("accuracy." + n + "/before") + ", after " + out.text("accuracy." + n + "/after");
            ev.append(ev.length() == 0 ? "" : "; ").append(n).append(": ").append(e);
            out.check(Check.required(n + ": BatchNorm before the activation is at least as accurate as after it (within " + Math.round(100 * TIE)
                    + " points)", before >= after - TIE, e));
        }
        out.check(Check.qualifier("both placements reach the same accuracy within " + Math.round(100 * TIE) + " points for both activations "
                + "(the advice is a convention, not a requirement)", bothWork, ev.toString()));

        for (Activation a : ACTIVATIONS) {
            List<Series> acc = new ArrayList<>();
            for (String p : places) acc.add(r.accuracyCurve(Mlps.name(a) + "/" + p, p.equals("none") ? "no norm" : "BN " + p + " activation"));
            out.chart(Chart.lines(Mlps.name(a) + "-accuracy", Mlps.name(a) + ": validation accuracy by BatchNorm placement",
                    "Median over seeds, band from min to max.", Chart.Axis.linear("step"), Chart.Axis.linear("validation accuracy"), acc));
        }
        out.cite("Ioffe & Szegedy 2015");
        String headline = "accuracy BN before / after activation: ReLU " + out.text("accuracy.relu/before") + " / " + out.text("accuracy.relu/after")
                + "; sigmoid " + out.text("accuracy.sigmoid/before") + " / " + out.text("accuracy.sigmoid/after");
        String explanation = "With ReLU, BatchNorm before the activation reaches " + out.text("accuracy.relu/before") + " and after it "
                + out.text("accuracy.relu/after") + " (no normalization: " + out.text("accuracy.relu/none") + "); with sigmoid " + out.text("accuracy.sigmoid/before")
                + " and " + out.text("accuracy.sigmoid/after") + " (" + out.text("accuracy.sigmoid/none") + "). Ioffe & Szegedy normalize the "
                + "pre-activation Wu + b so that the nonlinearity sees a stable, unsaturated distribution; after the activation, BatchNorm instead "
                + "standardizes the next layer's input, which also keeps the signal well scaled; mean accuracy over training (a speed measure) "
                + "is " + out.text("auc.relu/before") + " before vs " + out.text("auc.relu/after") + " after with ReLU and "
                + out.text("auc.sigmoid/before") + " vs " + out.text("auc.sigmoid/after") + " with sigmoid. The article repeats the paper's "
                + "convention; here BatchNorm after the activation is " + compare(out, "sigmoid") + " with sigmoid and " + compare(out, "relu")
                + " with ReLU, in line with later work that finds both placements workable.";
        return out.finish(headline, explanation);
    }
}
