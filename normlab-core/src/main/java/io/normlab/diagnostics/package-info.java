/**
 * Gradient-flow diagnostics: what NormLab exists for.
 *
 * <p>Pipeline: a {@link io.normlab.diagnostics.Monitor} hooks every module of a model and records,
 * per recorded step, one {@link io.normlab.diagnostics.LayerStats} row per layer (activation
 * mean/std, saturated or dead share, ||dL/dy||, ||W||, ||dL/dW||, update-to-weight ratio) in a
 * {@link io.normlab.diagnostics.StepRecord}, and stops at the first NaN/infinity with a
 * {@link io.normlab.diagnostics.NonFiniteException} naming the layer, step and phase.
 * {@link io.normlab.diagnostics.Diagnoser} groups the rows into hidden layers (one block per
 * weight layer), computes the first/last ratios of activation and weight gradients and the growth
 * factor per layer, and applies the {@link io.normlab.diagnostics.Thresholds} to give
 * {@link io.normlab.diagnostics.Verdict}s in a {@link io.normlab.diagnostics.Diagnosis}.
 * {@link io.normlab.diagnostics.Advisor} adds static checks of the architecture and turns
 * verdicts into {@link io.normlab.diagnostics.Advice}; a
 * {@link io.normlab.diagnostics.DiagnosticReport} gathers runs over seeds and renders text or JSON.
 * <pre>{@code
 *   try (Monitor mon = Monitor.attach(model)) {
 *       Losses.crossEntropy(model.forward(x), labels).backward();
 *       Diagnosis d = Diagnoser.diagnose(mon.endStep());
 *       List<Advice> advice = Advisor.advise(model, Advisor.Context.none().withBatchSize(128), d);
 *       String table = new DiagnosticReport(config, List.of(new DiagnosticReport.Run(seed, List.of(d))), advice).toText();
 *   }
 * }</pre>
 * In a training loop: forward, backward, {@code mon.update(optimizer::step)}, {@code mon.endStep()}
 * each step; {@code Monitor.Options.withEvery(k)} records every k-th step (NaN/infinity is checked
 * on every step).
 */
package io.normlab.diagnostics;
