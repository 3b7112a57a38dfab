package io.normlab.nn.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GateMathTest {
    @Test
    void fastTanhMatchesMathTanhWithinAnUlp() {
        for (int i = -100000; i <= 100000; i++) {
            for (float x : new float[] {i * 2e-4f, i * 1e-9f}) {
                float expected = (float) Math.tanh(x);
                assertEquals(expected, GateMath.tanh(x), Math.ulp(expected), () -> "tanh(" + x + ")");
            }
        }
        assertEquals(1f, GateMath.tanh(1000f));
        assertEquals(-1f, GateMath.tanh(-1000f));
        assertEquals(0f, GateMath.tanh(0f));
        assertEquals(Float.NaN, GateMath.tanh(Float.NaN));
    }
}
