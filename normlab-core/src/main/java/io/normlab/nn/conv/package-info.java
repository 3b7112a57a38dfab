/**
 * Convolution, pooling and residual blocks on NCHW tensors, PyTorch's semantics and names.
 *
 * <p>Functions do the math, modules hold parameters: {@link io.normlab.nn.conv.ConvOps#conv2d}
 * (and {@code conv1d}) takes the weight as any variable, so a layer may feed a transformed weight
 * (e.g. {@code io.normlab.nn.norm.WeightStandardization.apply(w)}); {@link io.normlab.nn.conv.PoolOps}
 * has max, average and adaptive average pooling. Modules: {@link io.normlab.nn.conv.Conv2d},
 * {@link io.normlab.nn.conv.Conv1d}, {@link io.normlab.nn.conv.MaxPool2d},
 * {@link io.normlab.nn.conv.AvgPool2d}, {@link io.normlab.nn.conv.AdaptiveAvgPool2d},
 * {@link io.normlab.nn.conv.Flatten} and the ResNet {@link io.normlab.nn.conv.BasicBlock}, whose
 * normalization is a parameter ({@code IntFunction<Module>}: BatchNorm2d, GroupNorm, GroupNorm(1, c)
 * as layer norm, InstanceNorm2d, or none).
 *
 * <p>Kernels: {@code io.normlab.tensor.Im2col} (column matrix and its adjoint) and
 * {@code io.normlab.tensor.Pooling}. The convolution runs one GEMM per image and group
 * ({@code Gemm.current()}), in parallel over the batch in chunks that depend only on N; weight
 * gradients are summed per chunk and the chunk partials in chunk order, so results are
 * bit-identical with 1 or N threads.
 */
package io.normlab.nn.conv;
