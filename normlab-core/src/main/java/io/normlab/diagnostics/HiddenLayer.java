package io.normlab.diagnostics;

/**
 * Hidden layer l of a network and its evidence at one step. A block starts at each weight layer
 * (Linear, conv, recurrent) and runs until the next one; its output h_l is the output of the block's
 * last row (the activation after Linear_l, or the norm or the Linear itself when nothing follows).
 * Every block but the last (the output layer) is a hidden layer.
 *
 * @param index             l, 1 = nearest the input
 * @param weightPath        path of the block's weight layer
 * @param outputPath        path of the module whose output is h_l
 * @param activation        type of the block's activation ("Sigmoid"), or "" when it has none
 * @param actGradNorm       ||dL/dh_l||
 * @param weightGradNorm    ||dL/dW_l|| of the weight layer
 * @param actRatio          ||dL/dh_l|| / ||dL/dh_last||
 * @param weightRatio       ||dL/dW_l|| / ||dL/dW_last||
 * @param saturatedFraction largest saturated share among the block's sigmoid/tanh rows (NaN if none)
 * @param deadFraction      largest dead share among the block's ReLU rows (NaN if none)
 * @param nonFinite         non-finite values counted in the block's rows
 * @param verdict           the layer's verdict
 */
public record HiddenLayer(int index, String weightPath, String outputPath, String activation,
                          double actGradNorm, double weightGradNorm, double actRatio, double weightRatio,
                          double saturatedFraction, double deadFraction, long nonFinite, Verdict verdict) {}
