package io.normlab.study;

import io.normlab.diagnostics.Diagnoser;
import io.normlab.diagnostics.Diagnosis;
import io.normlab.diagnostics.HiddenLayer;
import io.normlab.diagnostics.Monitor;
import io.normlab.diagnostics.StepRecord;
import io.normlab.models.SequenceClassifier;
import io.normlab.nn.Module;
import io.normlab.train.Trainer;
import java.util.List;

/**
 * Records the gradient flow of chosen training steps with the diagnostics {@link Monitor}, handed
 * to the {@link Trainer} for just those steps ({@link Trainer#setMonitor}): {@link #attach} before
 * the step, {@link #collect} after it (the trainer has closed the monitor's step by then, reading
 * the weight gradients before any clipping). Between probes nothing is attached, so validation
 * and unprobed steps cost nothing. Non-finite values are recorded, not thrown (a diverging run is a
 * result). For a {@link SequenceClassifier} the gradient through time of its hidden states
 * h_1..h_T is recorded as well.
 */
final class GradientProbe {
    private final Module model;
    private final Trainer trainer;
    private Monitor monitor;
    private Module.HookHandle timeHook;

    GradientProbe(Module model, Trainer trainer) {
        this.model = model;
        this.trainer = trainer;
    }

    boolean attached() {
        return monitor != null;
    }

    void attach() {
        if (monitor != null) return;
        monitor = Monitor.attach(model, Monitor.Options.defaults().withOnNonFinite(Monitor.OnNonFinite.RECORD).withTrackUpdates(false));
        trainer.setMonitor(monitor);
        if (model instanceof SequenceClassifier sc) {
            Monitor m = monitor;
            timeHook = model.addForwardHook((mod, in, out) -> m.trackThroughTime("h", sc.lastRun().steps()));
        }
    }

    /** The profile of the probed step (labelled {@code step}), after detaching. */
    Profile collect(int step) {
        List<StepRecord> history = monitor.history();
        detach();
        if (history.isEmpty()) throw new IllegalStateException("GradientProbe: the monitor recorded no step " + step);
        StepRecord rec = history.get(history.size() - 1);
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

    /**
     * Removes the hooks. The detached monitor stays with the trainer (a no-op there) until the next
     * {@link #attach} or {@link #release}: this runs inside a listener, and the trainer still refers
     * to its monitor after the listeners when the step ends by an exception (the early stop).
     */
    void detach() {
        if (timeHook != null) timeHook.remove();
        if (monitor != null) monitor.detach();
        timeHook = null;
        monitor = null;
    }

    /** Detaches and takes the monitor off the trainer; call after training. */
    void release() {
        detach();
        trainer.setMonitor(null);
    }
}
