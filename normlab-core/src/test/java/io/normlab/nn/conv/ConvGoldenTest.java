package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.io.GoldenAssert;
import io.normlab.io.GoldenCase;
import io.normlab.io.SafeTensors;
import org.junit.jupiter.api.Test;

/** Parity with PyTorch 2.13 (golden cases in the test resources). */
class ConvGoldenTest {
    /** 1e-5 everywhere: these reductions are short (at most 98 terms); measured error is about 1e-6. */
    private static final double RTOL = 1e-5;

    @Test
    void conv2dStride1Padding1MatchesPyTorch() {
        checkConv("conv2d_s1_p1", ConvSpec.of(1, 1));
    }

    @Test
    void conv2dStride2Padding0MatchesPyTorch() {
        checkConv("conv2d_s2_p0", ConvSpec.of(2, 0));
    }

    private static void checkConv(String name, ConvSpec spec) {
        SafeTensors st = GoldenCase.load(name);
        org.junit.jupiter.api.Assertions.assertEquals(Integer.toString(spec.strideH()), st.metadata().get("stride"));
        org.junit.jupiter.api.Assertions.assertEquals(Integer.toString(spec.padH()), st.metadata().get("padding"));
        Var x = Var.param(st.tensor("in.x")), w = Var.param(st.tensor("in.w")), b = Var.param(st.tensor("in.b"));
        Var y = ConvOps.conv2d(x, w, b, spec);
        GoldenAssert.assertClose(name + " y", st.tensor("y"), y.value(), RTOL);
        y.backward(st.tensor("dy"));
        GoldenAssert.assertClose(name + " grad.x", st.tensor("grad.x"), x.grad(), RTOL);
        GoldenAssert.assertClose(name + " grad.w", st.tensor("grad.w"), w.grad(), RTOL);
        GoldenAssert.assertClose(name + " grad.b", st.tensor("grad.b"), b.grad(), RTOL);
    }

    @Test
    void maxPool2dMatchesPyTorch() {
        SafeTensors st = GoldenCase.load("maxpool2d_k2");
        Var x = Var.param(st.tensor("in.x"));
        Var y = new MaxPool2d(Integer.parseInt(st.metadata().get("kernel"))).forward(x);
        GoldenAssert.assertClose("maxpool y", st.tensor("y"), y.value(), RTOL);
        y.backward(st.tensor("dy"));
        GoldenAssert.assertClose("maxpool grad.x", st.tensor("grad.x"), x.grad(), RTOL);
    }

    @Test
    void avgPool2dMatchesPyTorch() {
        SafeTensors st = GoldenCase.load("avgpool2d_k2");
        Var x = Var.param(st.tensor("in.x"));
        Var y = new AvgPool2d(Integer.parseInt(st.metadata().get("kernel"))).forward(x);
        GoldenAssert.assertClose("avgpool y", st.tensor("y"), y.value(), RTOL);
        y.backward(st.tensor("dy"));
        GoldenAssert.assertClose("avgpool grad.x", st.tensor("grad.x"), x.grad(), RTOL);
    }
}
