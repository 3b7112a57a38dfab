package io.normlab.nn;

import io.normlab.autograd.Var;
import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A layer or network: named parameters (trainable leaves), named buffers (state such as running
 * statistics), named children, and a train/eval mode.
 *
 * <p>Call {@link #forward(Var)}; subclasses implement {@link #compute(Var)}. {@code forward} runs
 * the forward hooks after {@code compute}, and arranges for the backward hooks to see
 * dL/d(output) during backward. Names follow PyTorch's state-dict convention: a child's entries are
 * prefixed by its name and a dot ({@code 0.weight}, {@code 1.running_mean}).
 */
public abstract class Module {
    private final Map<String, Var> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private final List<ForwardHook> forwardHooks = new ArrayList<>();
    private final List<BackwardHook> backwardHooks = new ArrayList<>();
    private boolean training = true;

    /** Observes a module's input and output after its forward. */
    @FunctionalInterface
    public interface ForwardHook {
        void onForward(Module module, Var input, Var output);
    }

    /** Observes dL/d(output) of a module during backward (must not modify it). */
    @FunctionalInterface
    public interface BackwardHook {
        void onBackward(Module module, Tensor gradOutput);
    }

    /** Removes a registered hook. */
    @FunctionalInterface
    public interface HookHandle {
        void remove();
    }

    /** The layer's computation. */
    protected abstract Var compute(Var input);

    /** Runs {@link #compute} and the hooks. */
    public final Var forward(Var input) {
        Var out = compute(input);
        for (ForwardHook h : List.copyOf(forwardHooks)) h.onForward(this, input, out);
        if (!backwardHooks.isEmpty() && out.requiresGrad()) {
            List<BackwardHook> hooks = List.copyOf(backwardHooks);
            out.onGrad(g -> {
                for (BackwardHook h : hooks) h.onBackward(this, g);
            });
        }
        return out;
    }

    /** Shortcut: {@code forward(Var.of(input))}. */
    public final Var forward(Tensor input) {
        return forward(Var.of(input));
    }

    // ---- registration ------------------------------------------------------------------------

    /** Registers a trainable parameter initialised to {@code value}; returns its variable. */
    protected final Var registerParameter(String name, Tensor value) {
        checkName(name);
        Var p = Var.param(value);
        parameters.put(name, p);
        return p;
    }

    /** Registers a buffer (state saved in the state dict but not trained); returns it. */
    protected final Tensor registerBuffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value);
        return value;
    }

    /** Registers a child module under {@code name}; returns it. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) throw new IllegalArgumentException("invalid name '" + name + "': must be non-empty and contain no dot");
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("name '" + name + "' already registered in " + getClass().getSimpleName());
        }
    }

    // ---- traversal ---------------------------------------------------------------------------

    /** Direct children in registration order. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** This module and all descendants, keyed by dotted path ("" for this one), depth first. */
    public final Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", out);
        return out;
    }

    private void collectModules(String prefix, Map<String, Module> out) {
        out.put(prefix, this);
        for (var e : children.entrySet()) e.getValue().collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
    }

    /** All parameters keyed by dotted path, in registration order. */
    public final Map<String, Var> namedParameters() {
        Map<String, Var> out = new LinkedHashMap<>();
        for (var m : namedModules().entrySet()) {
            for (var p : m.getValue().parameters.entrySet()) out.put(join(m.getKey(), p.getKey()), p.getValue());
        }
        return out;
    }

    /** All parameters, in the order of {@link #namedParameters()}. */
    public final List<Var> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** All buffers keyed by dotted path. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var m : namedModules().entrySet()) {
            for (var b : m.getValue().buffers.entrySet()) out.put(join(m.getKey(), b.getKey()), b.getValue());
        }
        return out;
    }

    /** This module's own parameter {@code name} (no dots), or null. */
    protected final Var parameter(String name) {
        return parameters.get(name);
    }

    /** Number of trainable scalars in this module and its descendants. */
    public final long parameterCount() {
        long n = 0;
        for (Var p : parameters()) n += p.value().numel();
        return n;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    // ---- state dict --------------------------------------------------------------------------

    /**
     * Parameters and buffers by PyTorch-style name, in registration order. The tensors are the
     * live ones, not copies.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var m : namedModules().entrySet()) {
            Module mod = m.getValue();
            for (var p : mod.parameters.entrySet()) out.put(join(m.getKey(), p.getKey()), p.getValue().value());
            for (var b : mod.buffers.entrySet()) out.put(join(m.getKey(), b.getKey()), b.getValue());
        }
        return out;
    }

    /**
     * Copies values from {@code state} into this module's parameters and buffers. Everything is
     * checked first, so on error nothing has changed; the error lists every missing, unexpected
     * and mis-shaped key. With {@code strict = false}, missing and unexpected keys are ignored
     * (shapes must still match).
     */
    public final void loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> problems = new ArrayList<>();
        for (var e : own.entrySet()) {
            Tensor src = state.get(e.getKey());
            if (src == null) {
                if (strict) problems.add("missing key '" + e.getKey() + "'");
            } else if (src.numel() != e.getValue().numel() || (src.rank() > 0 && !src.sameShape(e.getValue()))) {
                problems.add("size mismatch for '" + e.getKey() + "': expected " + Shape.str(e.getValue().shape())
                        + ", got " + Shape.str(src.shape()));
            }
        }
        if (strict) {
            for (String k : state.keySet()) if (!own.containsKey(k)) problems.add("unexpected key '" + k + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("loadStateDict into " + getClass().getSimpleName() + ": " + String.join("; ", problems));
        }
        for (var e : own.entrySet()) {
            Tensor src = state.get(e.getKey());
            if (src != null) System.arraycopy(src.data(), 0, e.getValue().data(), 0, src.numel());
        }
    }

    /** {@code loadStateDict(state, true)}. */
    public final void loadStateDict(Map<String, Tensor> state) {
        loadStateDict(state, true);
    }

    // ---- mode, gradients, hooks -------------------------------------------------------------

    /** Training mode for this module and its descendants. Returns this. */
    public Module train() {
        return setTraining(true);
    }

    /** Evaluation mode for this module and its descendants. Returns this. */
    public Module eval() {
        return setTraining(false);
    }

    private Module setTraining(boolean on) {
        for (Module m : namedModules().values()) m.training = on;
        return this;
    }

    public final boolean isTraining() {
        return training;
    }

    /** Clears the gradients of all parameters. */
    public final void zeroGrad() {
        for (Var p : parameters()) p.zeroGrad();
    }

    public final HookHandle addForwardHook(ForwardHook hook) {
        forwardHooks.add(hook);
        return () -> forwardHooks.remove(hook);
    }

    public final HookHandle addBackwardHook(BackwardHook hook) {
        backwardHooks.add(hook);
        return () -> backwardHooks.remove(hook);
    }

    // ---- printing ----------------------------------------------------------------------------

    /** Settings shown in {@link #toString()}, e.g. {@code in=64, out=32}. */
    protected String describe() {
        return "";
    }

    /** The model tree, one module per line, with parameter counts (grouped by commas, whatever the default locale). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        render("", "", sb);
        return sb.toString();
    }

    private void render(String indent, String name, StringBuilder sb) {
        sb.append(indent);
        if (!name.isEmpty()) sb.append('(').append(name).append("): ");
        sb.append(getClass().getSimpleName()).append('(').append(describe()).append(')');
        long n = parameterCount();
        if (n > 0) sb.append("  [").append(String.format(Locale.ROOT, "%,d", n)).append(" params]");
        sb.append('\n');
        for (var e : children.entrySet()) e.getValue().render(indent + "  ", e.getKey(), sb);
    }
}
