package io.normlab.diagnostics;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Records per-layer gradient-flow statistics of a model through its hooks ({@link LayerStats}):
 * activation mean/std, saturated or dead fractions, ||dL/dy||, ||W||, ||dL/dW|| and the
 * update-to-weight ratio, and catches the first NaN or infinity ({@link NonFiniteException}).
 *
 * <p>Order of calls per training step (DJL-style listener contract):
 * <pre>
 *   model.forward(x) ... loss.backward()     // forward hooks, then gradient hooks, record
 *   monitor.update(optimizer::step)          // optional: weight norms, update-to-weight ratio
 *   monitor.endStep()                        // closes the step, returns its record (or null)
 * </pre>
 * Without an optimizer step (one forward and backward to diagnose a network) just call
 * {@code endStep()}; it reads the weight norms and weight-gradient norms itself. All forward calls
 * between two {@code endStep()}s belong to one step.
 *
 * <p>Cost: on a recorded step (every {@code every}-th, starting with step 0) each layer output and
 * each output gradient is read once (one pass, double accumulators, no copies); the weights are
 * copied into reused buffers for the update ratio when {@code trackUpdates}. On the other steps
 * each output and gradient is still checked for NaN/infinity (one read, no statistics).
 *
 * <p>Gradient hooks are attached to each module output with {@link Var#onGrad}, the mechanism
 * behind {@link Module#addBackwardHook}, so that a non-finite dL/dy can be traced to the module
 * whose backward produced it: the layer that consumed y in forward.
 */
public final class Monitor implements AutoCloseable {
    /** What to do on the first NaN or infinity. */
    public enum OnNonFinite { THROW, RECORD }

    /**
     * @param every        record every k-th step (1 = all)
     * @param onNonFinite  throw a {@link NonFiniteException} (default) or only record the first one
     * @param trackUpdates copy weights before the optimizer step to measure the update ratio
     */
    public record Options(int every, OnNonFinite onNonFinite, boolean trackUpdates) {
        public Options {
            if (every < 1) throw new IllegalArgumentException("Monitor: every must be >= 1, got " + every);
            if (onNonFinite == null) throw new IllegalArgumentException("Monitor: onNonFinite must not be null");
        }

        /** Every step, throw on non-finite values, track updates. */
        public static Options defaults() {
            return new Options(1, OnNonFinite.THROW, true);
        }

        public Options withEvery(int k) {
            return new Options(k, onNonFinite, trackUpdates);
        }

        public Options withOnNonFinite(OnNonFinite policy) {
            return new Options(every, policy, trackUpdates);
        }

        public Options withTrackUpdates(boolean on) {
            return new Options(every, onNonFinite, on);
        }
    }

    private final Options options;
    private final Map<Module, LayerInfo> infos = new IdentityHashMap<>();
    private final List<Module.HookHandle> handles = new ArrayList<>();
    // Identity semantics: Var does not override equals/hashCode. Weak, so forgotten graphs are collected.
    private final Map<Var, LayerInfo> producers = new WeakHashMap<>();
    private final Map<Var, List<LayerInfo>> consumers = new WeakHashMap<>();
    private final Map<Var, Boolean> checkedInputs = new WeakHashMap<>();
    private final Map<LayerInfo, LayerAccumulator> step = new LinkedHashMap<>();
    private final List<TimeTrack> time = new ArrayList<>();
    private final Map<Var, float[]> snapshots = new IdentityHashMap<>();
    private final List<StepRecord> history = new ArrayList<>();
    private int stepIndex;
    private boolean weightsRead;
    private boolean attached = true;
    private boolean paused;
    private NonFiniteException firstNonFinite;
    private NonFiniteEvent stepNonFinite;

    private Monitor(Module model, Options options) {
        this.options = options;
        for (Map.Entry<String, Module> e : model.namedModules().entrySet()) {
            LayerInfo info = new LayerInfo(e.getValue(), e.getKey());
            infos.put(e.getValue(), info);
            handles.add(e.getValue().addForwardHook((m, in, out) -> onForward(info, in, out)));
        }
    }

    /** Attaches to every module of {@code model} with {@link Options#defaults()}. */
    public static Monitor attach(Module model) {
        return attach(model, Options.defaults());
    }

    public static Monitor attach(Module model, Options options) {
        return new Monitor(model, options);
    }

    /** Removes the hooks; gradient hooks already placed on live graphs become no-ops. */
    public void detach() {
        for (Module.HookHandle h : handles) h.remove();
        handles.clear();
        attached = false;
    }

    @Override
    public void close() {
        detach();
    }

    /** The current step number (steps closed so far, plus the start given to {@link #startAt}). */
    public int step() {
        return stepIndex;
    }

    /**
     * Numbers the current step {@code first} (a run resumed from a checkpoint continues at its step
     * count), so that messages name the trainer's step and every k-th step of that numbering is
     * recorded. Only before the step's first forward.
     */
    public void startAt(int first) {
        if (first < 0) throw new IllegalArgumentException("Monitor.startAt: step must be >= 0, got " + first);
        if (!step.isEmpty() || !producers.isEmpty()) {
            throw new IllegalStateException("Monitor.startAt(" + first + "): step " + stepIndex + " has already begun");
        }
        stepIndex = first;
    }

    /**
     * Stops observing forward calls until {@link #resume()} (e.g. during a validation pass between
     * training steps, which would otherwise count toward the next step's statistics).
     */
    public void pause() {
        paused = true;
    }

    /** Observes forward calls again after {@link #pause()}. */
    public void resume() {
        paused = false;
    }

    /** True when the current step is recorded. */
    public boolean isRecording() {
        return attached && stepIndex % options.every() == 0;
    }

    /** The records of the recorded steps so far, oldest first. */
    public List<StepRecord> history() {
        return Collections.unmodifiableList(history);
    }

    /** Forgets the recorded history (long runs that stream {@link #endStep()}'s records elsewhere). */
    public void clearHistory() {
        history.clear();
    }

    /** The first NaN/infinity seen (also when the policy is RECORD), or null. */
    public NonFiniteException firstNonFinite() {
        return firstNonFinite;
    }

    // ---- forward and backward ----------------------------------------------------------------

    private void onForward(LayerInfo info, Var in, Var out) {
        if (!attached || paused) return;
        if (!producers.containsKey(in) && checkedInputs.put(in, Boolean.TRUE) == null && !in.value().isFinite()) {
            nonFinite("input", info, NonFiniteException.Phase.FORWARD, "the model input (or a value computed outside any module) is NaN or infinite");
        }
        if (info.leaf) consumers.computeIfAbsent(in, k -> new ArrayList<>(1)).add(info);
        // A container (or a layer with children) may pass on a child's output: the child produced it
        // and is the one blamed for a NaN; the parent still gets its own row when it has one.
        boolean first = !producers.containsKey(out);
        if (first) producers.put(out, info);
        boolean stats = isRecording() && info.row;
        if (!first && !stats) return;
        long bad;
        if (stats) bad = accumulator(info).addOutput(out.value());
        else bad = out.value().isFinite() ? 0 : 1;
        if (bad > 0 && first) {
            nonFinite("activation", info, NonFiniteException.Phase.FORWARD, countText(bad, out.value()) + " outputs are NaN or infinite");
        }
        if (out.requiresGrad()) out.onGrad(g -> onGradient(info, out, g, first));
    }

    private void onGradient(LayerInfo info, Var out, Tensor g, boolean first) {
        if (!attached) return;
        boolean stats = isRecording() && info.row;
        long bad;
        if (stats) bad = accumulator(info).addGradient(g);
        else bad = g.isFinite() ? 0 : 1;
        if (bad == 0 || !first) return;
        List<LayerInfo> by = consumers.get(out);
        if (by == null || by.isEmpty()) {
            nonFinite("gradient", info, NonFiniteException.Phase.BACKWARD, "dL/d(output) " + countText(bad, g)
                    + " non-finite values; it comes from the loss or from code outside the model (is the loss finite?)");
        } else {
            nonFinite("gradient", by.get(0), NonFiniteException.Phase.BACKWARD, "its backward made dL/d(input) non-finite ("
                    + countText(bad, g) + " values), the output gradient of layer " + info.label());
        }
    }

    private static String countText(long bad, Tensor t) {
        return bad == 1 && t.numel() > 1 ? "some of " + t.numel() : bad + " of " + t.numel();
    }

    private LayerAccumulator accumulator(LayerInfo info) {
        return step.computeIfAbsent(info, LayerAccumulator::new);
    }

    private void nonFinite(String what, LayerInfo info, NonFiniteException.Phase phase, String detail) {
        NonFiniteException e = new NonFiniteException(what, info.path, info.type, stepIndex, phase, detail);
        if (firstNonFinite == null) firstNonFinite = e;
        if (stepNonFinite == null) stepNonFinite = e.event();
        if (options.onNonFinite() == OnNonFinite.THROW) throw e;
    }

    // ---- recurrent layers --------------------------------------------------------------------

    /**
     * Records ||dL/dh_t|| for the hidden states {@code states} (t = 0 first) of a recurrent layer
     * during the coming backward, on recorded steps. Call it after the forward that made them.
     */
    public void trackThroughTime(String name, List<Var> states) {
        if (!isRecording() || paused) return;
        TimeTrack track = new TimeTrack(name, states.size());
        for (int t = 0; t < states.size(); t++) {
            Var h = states.get(t);
            if (!h.requiresGrad()) continue;
            final int at = t;
            h.onGrad(g -> {
                if (attached) track.add(at, TensorScan.sumSquares(g).sumSq());
            });
        }
        time.add(track);
    }

    // ---- weights and the optimizer step --------------------------------------------------------

    /** Runs {@code optimizerStep} between {@link #beforeUpdate()} and {@link #afterUpdate()}. */
    public void update(Runnable optimizerStep) {
        beforeUpdate();
        optimizerStep.run();
        afterUpdate();
    }

    /** Reads weight and weight-gradient norms and, when tracking updates, copies the weights. Call after backward. */
    public void beforeUpdate() {
        readWeights();
        if (!isRecording() || !options.trackUpdates()) return;
        for (LayerAccumulator a : step.values()) a.snapshotWeights(snapshots);
    }

    /** Computes ||W_after - W_before|| / ||W_before|| per layer and checks the new weights are finite. */
    public void afterUpdate() {
        if (!isRecording() || !options.trackUpdates() || !weightsRead) return;
        for (LayerAccumulator a : step.values()) {
            long bad = a.measureUpdate(snapshots);
            if (bad > 0) nonFinite("weight", a.info, NonFiniteException.Phase.UPDATE, bad + " weights became NaN or infinite in the optimizer step");
        }
    }

    private void readWeights() {
        if (weightsRead || !isRecording()) return;
        weightsRead = true;
        for (LayerAccumulator a : step.values()) {
            long bad = a.readWeights();
            if (bad > 0) nonFinite("weight gradient", a.info, NonFiniteException.Phase.BACKWARD, bad + " values of dL/dW are NaN or infinite");
        }
    }

    /**
     * Closes a step that an exception ended (a NaN thrown mid-step): like {@link #endStep()} but
     * without reading the weights, so the rows collected so far and the step's first NaN/infinity
     * are kept in {@link #history()} without a second exception.
     */
    public StepRecord abandonStep() {
        weightsRead = true;
        return endStep();
    }

    /**
     * Closes the current step: reads weight norms if {@link #beforeUpdate()} did not, and returns
     * the step's record (also appended to {@link #history()}), or null when the step was not recorded.
     */
    public StepRecord endStep() {
        StepRecord rec = null;
        if (isRecording()) {
            readWeights();
            List<LayerStats> rows = new ArrayList<>(step.size());
            for (LayerAccumulator a : step.values()) rows.add(a.toStats());
            List<TimeGradients> t = new ArrayList<>(time.size());
            for (TimeTrack tt : time) t.add(tt.toRecord());
            rec = new StepRecord(stepIndex, rows, t, stepNonFinite);
            history.add(rec);
        }
        step.clear();
        time.clear();
        producers.clear();
        consumers.clear();
        checkedInputs.clear();
        weightsRead = false;
        stepNonFinite = null;
        stepIndex++;
        return rec;
    }
}
