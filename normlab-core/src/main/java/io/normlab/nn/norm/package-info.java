/**
 * Normalization layers on one core.
 *
 * <p>{@link io.normlab.nn.norm.NormCore} is the single differentiable op: it views the input as
 * (N, C, S), computes means and biased variances over a grouping ({@link io.normlab.nn.norm.NormLayout},
 * two passes in double, {@link io.normlab.nn.norm.Stats}), normalizes, applies gamma and beta,
 * and back-propagates with a fused closed form ({@code NormKernel}). The layers are settings of it:
 * <table>
 *   <caption>Layers as settings of the core</caption>
 *   <tr><th>layer</th><th>layout (statistics over)</th><th>mean</th><th>affine</th><th>statistics in eval</th></tr>
 *   <tr><td>{@link io.normlab.nn.norm.BatchNorm1d}, {@link io.normlab.nn.norm.BatchNorm2d}</td><td>perChannel: (N, S) per c</td><td>yes</td><td>per channel</td><td>running</td></tr>
 *   <tr><td>{@link io.normlab.nn.norm.InstanceNorm1d}, {@link io.normlab.nn.norm.InstanceNorm2d}</td><td>perSample, G = C: S per (n, c)</td><td>yes</td><td>per channel (optional)</td><td>instance, or running if tracked</td></tr>
 *   <tr><td>{@link io.normlab.nn.norm.GroupNorm}</td><td>perSample, G groups: (C/G, S) per (n, g)</td><td>yes</td><td>per channel</td><td>per sample</td></tr>
 *   <tr><td>{@link io.normlab.nn.norm.LayerNorm}</td><td>perSample on (rows, 1, D): D per row</td><td>yes</td><td>per element</td><td>per sample</td></tr>
 *   <tr><td>{@link io.normlab.nn.norm.RMSNorm}</td><td>as LayerNorm</td><td>no</td><td>per element, no bias</td><td>per sample</td></tr>
 *   <tr><td>{@link io.normlab.nn.norm.WeightStandardization}</td><td>as LayerNorm, one row per filter</td><td>yes</td><td>none</td><td>-</td></tr>
 * </table>
 * Hybrids compose it with autograd ops: {@link io.normlab.nn.norm.BatchRenorm} (BatchNorm with
 * an effective affine {@code gamma r}, {@code beta + gamma d}), {@link io.normlab.nn.norm.BatchInstanceNorm}
 * (the sum of a BN and an IN call with gated scales), {@link io.normlab.nn.norm.SwitchableNorm}
 * (differentiable {@link io.normlab.nn.norm.Moments} of the IN, LN and BN groupings, mixed by
 * softmax weights). {@link io.normlab.nn.norm.WeightNorm} and {@link io.normlab.nn.norm.WeightNormLinear}
 * reparametrize weights.
 *
 * <p>Contract for training loops: call {@link io.normlab.nn.norm.AfterStep#applyAll} on the model
 * after every optimizer step (Batch-Instance Normalization clips its gates there).
 */
package io.normlab.nn.norm;
