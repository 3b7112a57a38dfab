package io.normlab.nn.norm;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The layers agree where the mathematics says they must. */
class EquivalenceTest {
    private static final int N = 3, C = 4, H = 3, W = 2;

    /** Output, input gradient and the module's parameters' gradients after backward of {@code dy}. */
    private record Run(Tensor y, Tensor dx, Module m) {
        Tensor grad(String p) {
            return m.namedParameters().get(p).grad();
        }
    }

    private static Run run(Module m, Tensor x, Tensor dy) {
        Var in = Var.param(x.copy());
        Var y = m.forward(in);
        y.backward(dy);
        return new Run(y.value(), in.grad(), m);
    }

    private static void setAffine(Module m, Tensor gamma, Tensor beta) {
        m.namedParameters().get("weight").value().copyFrom(gamma);
        m.namedParameters().get("bias").value().copyFrom(beta);
    }

    @Test
    void groupNormWithOneGroupIsLayerNormOverChannelsAndSpaceWithPerChannelAffine() {
        Rng rng = new Rng(1);
        Tensor x = Tensor.randn(rng, N, C, H, W), dy = Tensor.randn(rng, N, C, H, W);
        Tensor gamma = Tensor.randn(rng, C), beta = Tensor.randn(rng, C);
        GroupNorm gn = new GroupNorm(1, C);
        setAffine(gn, gamma, beta);
        LayerNorm ln = new LayerNorm(C, H, W);
        float[] lw = ln.weight().value().data(), lb = ln.bias().value().data();
        for (int i = 0; i < lw.length; i++) {
            lw[i] = gamma.data()[i / (H * W)];
            lb[i] = beta.data()[i / (H * W)];
        }
        Run a = run(gn, x, dy), b = run(ln, x, dy);
        Checks.close("y", b.y(), a.y(), 1e-5);
        Checks.close("dx", b.dx(), a.dx(), 1e-5);
        // LayerNorm's per-element gradients summed over (H, W) are GroupNorm's per-channel ones.
        Checks.close("dweight", b.grad("weight").reshape(C, H * W).sum(false, 1), a.grad("weight"), 1e-5);
        Checks.close("dbias", b.grad("bias").reshape(C, H * W).sum(false, 1), a.grad("bias"), 1e-5);
    }

    @Test
    void groupNormWithOneChannelPerGroupIsInstanceNorm() {
        Rng rng = new Rng(2);
        Tensor x = Tensor.randn(rng, N, C, H, W), dy = Tensor.randn(rng, N, C, H, W);
        Tensor gamma = Tensor.randn(rng, C), beta = Tensor.randn(rng, C);
        GroupNorm gn = new GroupNorm(C, C);
        InstanceNorm2d in = new InstanceNorm2d(C, NormOptions.instanceNorm().withAffine(true));
        setAffine(gn, gamma, beta);
        setAffine(in, gamma, beta);
        Run a = run(gn, x, dy), b = run(in, x, dy);
        Checks.identical("y", b.y(), a.y());
        Checks.identical("dx", b.dx(), a.dx());
        Checks.identical("dweight", b.grad("weight"), a.grad("weight"));
        Checks.identical("dbias", b.grad("bias"), a.grad("bias"));
    }

    @Test
    void batchNormInEvalIsTheAffineMapOfItsRunningStatistics() {
        Rng rng = new Rng(3);
        BatchNorm2d bn = new BatchNorm2d(C);
        LayerGradCheckTest.randomize(bn, rng);
        for (int i = 0; i < 4; i++) bn.forward(Tensor.randn(rng, 2f, 3f, N, C, H, W));
        bn.eval();
        Tensor x = Tensor.randn(rng, N, C, H, W);
        Tensor expected = Reference.affineFromStats(x, bn.runningMean().data(), bn.runningVar().data(), 1e-5f,
                bn.weight().value().data(), bn.bias().value().data());
        Checks.close("eval y", expected, bn.forward(x).value(), 1e-6);
        // and its input gradient is that map's slope, weight / sqrt(running_var + eps)
        Tensor dy = Tensor.randn(rng, N, C, H, W);
        Tensor slope = Reference.affineFromStats(dy, new float[C], bn.runningVar().data(), 1e-5f, bn.weight().value().data(), new float[C]);
        Checks.close("eval dx", slope, run(bn, x, dy).dx(), 1e-6);
    }

    /** Logits that make softmax exactly one-hot in float: exp(-1000) is 0. */
    private static void oneHot(SwitchableNorm sn, int k) {
        for (Var w : new Var[] {sn.meanWeight(), sn.varWeight()}) {
            w.value().fill(0f);
            w.value().data()[k] = 1000f;
        }
    }

    @Test
    void switchableNormWithOneHotWeightsIsEachOfInstanceLayerAndBatchNorm() {
        Rng rng = new Rng(4);
        Tensor x = Tensor.randn(rng, 1f, 2f, N, C, H, W), dy = Tensor.randn(rng, N, C, H, W);
        Tensor gamma = Tensor.randn(rng, C), beta = Tensor.randn(rng, C);
        Module[] refs = {new InstanceNorm2d(C, NormOptions.instanceNorm().withAffine(true)), new GroupNorm(1, C), new BatchNorm2d(C)};
        String[] names = {"IN", "LN", "BN"};
        for (int k = 0; k < 3; k++) {
            SwitchableNorm sn = new SwitchableNorm(C);
            oneHot(sn, k);
            setAffine(sn, gamma, beta);
            setAffine(refs[k], gamma, beta);
            Run a = run(sn, x, dy), b = run(refs[k], x, dy);
            Checks.close(names[k] + " y", b.y(), a.y(), 1e-5);
            Checks.close(names[k] + " dx", b.dx(), a.dx(), 1e-5);
            Checks.close(names[k] + " dweight", b.grad("weight"), a.grad("weight"), 1e-5);
            Checks.close(names[k] + " dbias", b.grad("bias"), a.grad("bias"), 1e-5);
            if (k == 2) {
                Checks.close("BN running_mean", ((BatchNorm2d) refs[2]).runningMean(), sn.runningMean(), 1e-6);
                Checks.close("BN running_var", ((BatchNorm2d) refs[2]).runningVar(), sn.runningVar(), 1e-6);
            }
        }
        // In eval the BN part uses running statistics, as BatchNorm does.
        SwitchableNorm sn = new SwitchableNorm(C);
        BatchNorm2d bn = new BatchNorm2d(C);
        oneHot(sn, 2);
        for (int i = 0; i < 3; i++) {
            Tensor w = Tensor.randn(rng, 1f, 2f, N, C, H, W);
            sn.forward(w);
            bn.forward(w);
        }
        sn.eval();
        bn.eval();
        Checks.close("BN eval y", bn.forward(x).value(), sn.forward(x).value(), 1e-5);
    }

    @Test
    void batchInstanceNormWithGateOneIsBatchNormAndWithGateZeroIsInstanceNorm() {
        Rng rng = new Rng(5);
        Tensor x = Tensor.randn(rng, N, C, H, W), dy = Tensor.randn(rng, N, C, H, W);
        Tensor gamma = Tensor.randn(rng, C), beta = Tensor.randn(rng, C);
        for (float rho : new float[] {1f, 0f}) {
            BatchInstanceNorm bin = new BatchInstanceNorm(C);
            bin.gate().value().fill(rho);
            setAffine(bin, gamma, beta);
            Module ref = rho == 1f ? new BatchNorm2d(C) : new InstanceNorm2d(C, NormOptions.instanceNorm().withAffine(true));
            setAffine(ref, gamma, beta);
            Run a = run(bin, x, dy), b = run(ref, x, dy);
            Checks.close("rho=" + rho + " y", b.y(), a.y(), 1e-5);
            Checks.close("rho=" + rho + " dx", b.dx(), a.dx(), 1e-5);
            Checks.close("rho=" + rho + " dweight", b.grad("weight"), a.grad("weight"), 1e-5);
        }
    }

    @Test
    void batchRenormWithUnitLimitsIsBatchNorm() {
        Rng rng = new Rng(6);
        BatchRenorm br = new BatchRenorm(C).setLimits(1f, 0f);
        BatchNorm2d bn = new BatchNorm2d(C);
        Tensor gamma = Tensor.randn(rng, C), beta = Tensor.randn(rng, C);
        setAffine(br, gamma, beta);
        setAffine(bn, gamma, beta);
        for (int step = 0; step < 3; step++) {
            Tensor x = Tensor.randn(rng, 1f, 2f, N, C, H, W), dy = Tensor.randn(rng, N, C, H, W);
            br.zeroGrad();
            bn.zeroGrad();
            Run a = run(br, x, dy), b = run(bn, x, dy);
            Checks.identical("y", b.y(), a.y());
            Checks.identical("dx", b.dx(), a.dx());
            Checks.close("dweight", b.grad("weight"), a.grad("weight"), 1e-6);
            Checks.identical("dbias", b.grad("bias"), a.grad("bias"));
        }
        Checks.identical("running_mean", bn.runningMean(), br.runningMean());
        Checks.identical("running_var", bn.runningVar(), br.runningVar());
    }
}
