package io.normlab.nn.rnn;

import io.normlab.autograd.Var;
import io.normlab.io.GoldenAssert;
import io.normlab.io.GoldenCase;
import io.normlab.io.SafeTensors;
import io.normlab.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parity with PyTorch 2.13's LSTMCell(5, 4) (golden case lstm_cell). */
class LstmGoldenTest {
    private static final double RTOL = 1e-5;

    @Test
    void lstmCellMatchesPyTorchValuesAndEveryGradient() {
        SafeTensors st = GoldenCase.load("lstm_cell");
        LSTMCell cell = new LSTMCell(5, 4, new io.normlab.tensor.Rng(0));
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (String p : new String[] {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}) params.put(p, st.tensor("param." + p));
        cell.loadStateDict(params);
        Var x = Var.param(st.tensor("x")), h0 = Var.param(st.tensor("h0")), c0 = Var.param(st.tensor("c0"));
        LstmState s = cell.step(x, new LstmState(h0, c0));
        GoldenAssert.assertClose("h1", st.tensor("h1"), s.h().value(), RTOL);
        GoldenAssert.assertClose("c1", st.tensor("c1"), s.c().value(), RTOL);
        // L = <h1, dh1> + <c1, dc1> back-propagates exactly the upstream pair (dh1, dc1)
        s.h().mul(Var.of(st.tensor("dh1"))).sum().add(s.c().mul(Var.of(st.tensor("dc1"))).sum()).backward();
        GoldenAssert.assertClose("dx", st.tensor("dx"), x.grad(), RTOL);
        GoldenAssert.assertClose("dh0", st.tensor("dh0"), h0.grad(), RTOL);
        GoldenAssert.assertClose("dc0", st.tensor("dc0"), c0.grad(), RTOL);
        for (var e : cell.namedParameters().entrySet()) {
            GoldenAssert.assertClose("grad." + e.getKey(), st.tensor("grad." + e.getKey()), e.getValue().grad(), RTOL);
        }
    }
}
