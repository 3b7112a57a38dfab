package io.normlab.diagnostics;

/**
 * One layer's statistics at one recorded step. Values that do not apply or were not measured are
 * NaN (saturation for a non-saturating layer, update ratio when no optimizer step was observed).
 * When a module runs several times in a step (a shared layer), activation statistics pool all its
 * outputs and the gradient norm is that of all its outputs together: sqrt(sum over calls of
 * ||dL/dy_call||^2).
 *
 * @param path              PyTorch-style module path ("3", "encoder.0"; "" is the model itself)
 * @param type              class simple name ("Linear", "Sigmoid")
 * @param kind              the diagnostic kind
 * @param calls             forward calls in the step
 * @param count             output elements seen (over all calls)
 * @param actMean           mean of the outputs
 * @param actStd            population standard deviation of the outputs
 * @param saturatedFraction SIGMOID: share of outputs with y &lt; 0.01 or y &gt; 0.99; TANH: |y| &gt; 0.99
 * @param deadFraction      RELU: share of units (dim 1) that are zero for the whole batch
 * @param actGradNorm       ||dL/dy||, Frobenius norm of the gradient of the loss with respect to the output
 * @param weightNorm        ||W||, over the layer's own parameters whose name starts with "weight"
 *                          (all own parameters when none does); NaN without parameters
 * @param weightGradNorm    ||dL/dW|| over the same parameters
 * @param updateRatio       ||W_after - W_before|| / ||W_before|| across the optimizer step
 * @param nonFinite         NaN or infinite values seen in outputs, output gradients and weight gradients
 */
public record LayerStats(String path, String type, LayerKind kind, int calls, long count,
                         double actMean, double actStd, double saturatedFraction, double deadFraction,
                         double actGradNorm, double weightNorm, double weightGradNorm, double updateRatio,
                         long nonFinite) {

    /** The path as shown to users: the model itself is "(model)". */
    public String displayPath() {
        return path.isEmpty() ? "(model)" : path;
    }
}
