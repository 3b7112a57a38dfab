package io.normlab.cli.bench;

import io.normlab.autograd.Losses;
import io.normlab.autograd.Var;
import io.normlab.models.Activation;
import io.normlab.models.CnnSpec;
import io.normlab.models.MlpSpec;
import io.normlab.models.NormKind;
import io.normlab.models.RecurrentKind;
import io.normlab.models.SequenceClassifier;
import io.normlab.nn.Module;
import io.normlab.optim.Adam;
import io.normlab.optim.Optimizer;
import io.normlab.optim.Sgd;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.function.Function;

/**
 * A training workload of WORKLOADS.md: one step = zero the gradients, forward in training mode,
 * softmax cross-entropy, backward, optimizer step, on a fixed random batch (inputs N(0, 1),
 * labels uniform over 10 classes, seed 7). Models come from {@code io.normlab.models}.
 */
final class TrainWorkload implements Workload {
    private final String name;
    private final Function<Rng, Module> model;
    private final Function<Module, Optimizer> optimizer;
    private final int[] inputShape;
    private Module net;
    private Optimizer opt;
    private Var x;
    private int[] labels;

    private TrainWorkload(String name, Function<Rng, Module> model, Function<Module, Optimizer> optimizer, int... inputShape) {
        this.name = name;
        this.model = model;
        this.optimizer = optimizer;
        this.inputShape = inputShape;
    }

    /** mlp-deep-bn / mlp-deep-plain: 64 -> 20 x [Linear(256) (- BatchNorm1d) - tanh] -> 10, batch 128, SGD 0.1 momentum 0.9. */
    static TrainWorkload mlpDeep(boolean bn) {
        MlpSpec spec = MlpSpec.of(64, 20, 256, 10, Activation.TANH, bn ? NormKind.BATCH : NormKind.NONE);
        return new TrainWorkload(bn ? "mlp-deep-bn" : "mlp-deep-plain", spec::build, TrainWorkload::sgd, 128, 64);
    }

    /** cnn-small-bn (batch 64) / cnn-small-gn (GroupNorm(8) and LayerNorm, batch 4), SGD 0.01 momentum 0.9. */
    static TrainWorkload cnnSmall(boolean bn) {
        CnnSpec spec = bn ? CnnSpec.of(1, 28, 28, NormKind.BATCH, NormKind.BATCH) : CnnSpec.of(1, 28, 28, NormKind.GROUP, NormKind.LAYER);
        return new TrainWorkload(bn ? "cnn-small-bn" : "cnn-small-gn", spec::build,
                m -> new Sgd(m.parameters(), Sgd.Config.of(0.01).withMomentum(0.9)), bn ? 64 : 4, 1, 28, 28);
    }

    /** lstm-plain / lstm-ln: input 32, hidden 128, sequence 50, batch 32, Linear(10) on the last step, Adam 1e-3. */
    static TrainWorkload lstm(boolean ln) {
        RecurrentKind kind = ln ? RecurrentKind.LN_LSTM : RecurrentKind.LSTM;
        return new TrainWorkload(ln ? "lstm-ln" : "lstm-plain", rng -> new SequenceClassifier(kind, 32, 128, 10, rng),
                m -> new Adam(m.parameters(), Adam.Config.adam(1e-3)), 32, 50, 32);
    }

    private static Optimizer sgd(Module m) {
        return new Sgd(m.parameters(), Sgd.Config.of(0.1).withMomentum(0.9));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Unit unit() {
        return Unit.STEPS;
    }

    @Override
    public double work() {
        return 1;
    }

    @Override
    public void setup() {
        Rng rng = new Rng(7);
        net = model.apply(rng.fork());
        net.train();
        opt = optimizer.apply(net);
        x = Var.of(Tensor.randn(rng, inputShape));
        labels = new int[inputShape[0]];
        for (int i = 0; i < labels.length; i++) labels[i] = rng.nextInt(10);
    }

    @Override
    public void run() {
        opt.zeroGrad();
        Losses.crossEntropy(net.forward(x), labels).backward();
        opt.step();
    }

    @Override
    public void tearDown() {
        net = null;
        opt = null;
        x = null;
    }
}
