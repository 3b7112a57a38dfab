package io.normlab.cli.bench;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.nn.norm.BatchNorm2d;
import io.normlab.nn.norm.GroupNorm;
import io.normlab.nn.norm.InstanceNorm2d;
import io.normlab.nn.norm.LayerNorm;
import io.normlab.nn.norm.NormOptions;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;
import java.util.function.Supplier;

/**
 * The normalization kernels of WORKLOADS.md: one training-mode forward and backward (dx, dgamma,
 * dbeta, with a random upstream gradient) through the real layer. Work counts the minimum traffic
 * {@code 5 * sizeof(x)} bytes (forward reads x, writes y; backward reads x and dy, writes dx).
 */
final class NormWorkload implements Workload {
    private final String name;
    private final int[] shape;
    private final Supplier<Module> layer;
    private Module norm;
    private Var x;
    private Tensor dy;

    private NormWorkload(String name, Supplier<Module> layer, int... shape) {
        this.name = name;
        this.layer = layer;
        this.shape = shape;
    }

    /** bn2d: x (64, 64, 32, 32), BatchNorm2d(64). */
    static NormWorkload bn2d() {
        return new NormWorkload("bn2d", () -> new BatchNorm2d(64), 64, 64, 32, 32);
    }

    /** ln: x (8192, 512), LayerNorm(512). */
    static NormWorkload ln() {
        return new NormWorkload("ln", () -> new LayerNorm(512), 8192, 512);
    }

    /** gn: x (64, 64, 32, 32), GroupNorm(32 groups, 64 channels). */
    static NormWorkload gn() {
        return new NormWorkload("gn", () -> new GroupNorm(32, 64), 64, 64, 32, 32);
    }

    /** in2d: x (64, 64, 32, 32), InstanceNorm2d(64, affine). */
    static NormWorkload in2d() {
        return new NormWorkload("in2d", () -> new InstanceNorm2d(64, NormOptions.instanceNorm().withAffine(true)), 64, 64, 32, 32);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Unit unit() {
        return Unit.GBPS;
    }

    @Override
    public double work() {
        return 5.0 * Shape.numel(shape) * Float.BYTES;
    }

    @Override
    public void setup() {
        Rng rng = new Rng(7);
        norm = layer.get();
        x = Var.param(Tensor.randn(rng, shape));
        dy = Tensor.randn(rng, shape);
    }

    @Override
    public void run() {
        norm.zeroGrad();
        x.zeroGrad();
        norm.forward(x).backward(dy);
    }

    @Override
    public void tearDown() {
        norm = null;
        x = null;
        dy = null;
    }
}
