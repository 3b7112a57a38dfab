package io.normlab.study;

import io.normlab.diagnostics.Diagnoser;
import io.normlab.diagnostics.Diagnosis;
import io.normlab.diagnostics.HiddenLayer;
import io.normlab.diagnostics.Monitor;
import io.normlab.diagnostics.StepRecord;
import io.normlab.models.SequenceClassifier;
import io.normlab.nn.Module;

/**
 * Records one training step's gradient flow with the diagnostics {@link Monitor}: attach before
 * the step's forward, {@link #collect} after its backward (and update). Between probes nothing
 * is attached, so validation passes and unprobed steps cost nothing. Non-finite values are
 * recorded, not thrown (a diverging run is a result). For a {@link SequenceClassifier} the
 * gradient through time of its hidden states h_1..h_T is recorded as well.
 */
final class GradientProbe {
    private final Module model;
    private Monitor monitor;
    private Module.HookHandle timeHook;

    GradientProbe(Module model) {
        this.model = model;
    }

    boolean attached() {
        return monitor != null;
    }

    void attach() {
        if (monitor != null) return;
        monitor = Monitor.attach(model, Monitor.Options.defaults().withOnNonFinite(Monitor.OnNonFinite.RECORD).withTrackUpdates(false));
        if (model instanceof SequenceClassifier sc) {
            Monitor m = monitor;
            timeHook = model.addForwardHook((mod, in, out) -> m.trackThroughTime("h", sc.lastRun().steps()));
        }
    }

    /** Closes the probed step, detaches, and returns its profile (labelled {@code step}). */
    Profile collect(int step) {
        StepRecord rec = monitor.endStep();
        detach();
        Diagnosis d = Diagnoser.diagnose(rec);
        int n = d.hidden().size();
        double[] act = new double[n], weight = new double[n], sat = new double[n];
        for (int l = 0; l < n; l++) {
            HiddenLayer h = d.hidden().get(l);
            act[l] = h.actGradNorm();
            weight[l] = h.weightGradNorm();
            sat[l] = h.saturatedFraction();
        }
        double[] time = rec.time().isEmpty() ? new double[0] : rec.time().get(0).norms();
        return new Profile(step, act, weight, sat, time);
    }

    void detach() {
        if (timeHook != null) timeHook.remove();
        if (monitor != null) monitor.detach();
        timeHook = null;
        monitor = null;
    }
}
