package io.normlab.study;

import io.normlab.autograd.Var;
import io.normlab.optim.Adam;
import io.normlab.optim.Optimizer;
import io.normlab.optim.Sgd;
import java.util.List;
import java.util.Locale;

/**
 * The optimizer of a training run as a value: SGD with momentum (PyTorch's update rule) or Adam.
 *
 * @param kind     SGD or ADAM
 * @param lr       learning rate
 * @param momentum SGD momentum (ignored by Adam)
 */
public record OptimizerSpec(Kind kind, double lr, double momentum) {
    public enum Kind { SGD, ADAM }

    public OptimizerSpec {
        if (!(lr > 0)) throw new IllegalArgumentException("OptimizerSpec: learning rate must be > 0, got " + lr);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("OptimizerSpec: momentum must be in [0, 1), got " + momentum);
    }

    public static OptimizerSpec sgd(double lr, double momentum) {
        return new OptimizerSpec(Kind.SGD, lr, momentum);
    }

    public static OptimizerSpec adam(double lr) {
        return new OptimizerSpec(Kind.ADAM, lr, 0);
    }

    public OptimizerSpec withLr(double newLr) {
        return new OptimizerSpec(kind, newLr, momentum);
    }

    public Optimizer build(List<Var> params) {
        return kind == Kind.SGD ? new Sgd(params, Sgd.Config.of(lr).withMomentum(momentum)) : new Adam(params, Adam.Config.adam(lr));
    }

    @Override
    public String toString() {
        return kind == Kind.SGD ? String.format(Locale.ROOT, "SGD lr %s momentum %s", Fmt.num(lr), Fmt.num(momentum))
                : "Adam lr " + Fmt.num(lr);
    }
}
