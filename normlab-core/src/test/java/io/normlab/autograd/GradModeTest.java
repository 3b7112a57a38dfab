package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Tensor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GradModeTest {
    private final Var w = Var.param(Tensor.of(new float[] {1f, 2f}, 2));

    @Test
    void noGradRecordsNothing() {
        assertTrue(GradMode.isEnabled());
        Var y;
        try (GradMode scope = GradMode.noGrad()) {
            assertFalse(GradMode.isEnabled());
            y = w.mul(w).tanh().sum();
        }
        assertFalse(y.requiresGrad());
        assertTrue(y.isLeaf());
        assertEquals((float) (Math.tanh(1) + Math.tanh(4)), y.value().item(), 1e-6f);
        assertThrows(IllegalStateException.class, y::backward);
        assertTrue(GradMode.isEnabled());
        assertTrue(w.mul(w).requiresGrad());
    }

    @Test
    void scopesNestAndCloseIdempotently() {
        GradMode outer = GradMode.noGrad();
        GradMode inner = GradMode.noGrad();
        assertFalse(GradMode.isEnabled());
        inner.close();
        inner.close(); // a second close must not re-enable the outer scope
        assertFalse(GradMode.isEnabled());
        assertFalse(w.mul(2f).requiresGrad());
        outer.close();
        assertTrue(GradMode.isEnabled());
        assertTrue(w.mul(2f).requiresGrad());
    }

    @Test
    void theModeIsPerThread() throws InterruptedException {
        AtomicBoolean otherSeesEnabled = new AtomicBoolean();
        try (GradMode scope = GradMode.noGrad()) {
            Thread t = new Thread(() -> otherSeesEnabled.set(GradMode.isEnabled() && w.mul(2f).requiresGrad()));
            t.start();
            t.join();
        }
        assertTrue(otherSeesEnabled.get());
    }

    @Test
    void aGraphRecordedBeforeNoGradStillBackpropagates() {
        Var y = w.mul(3f).sum();
        try (GradMode scope = GradMode.noGrad()) {
            w.mul(5f); // evaluation in between records nothing
        }
        y.backward();
        assertArrayEquals(new float[] {3f, 3f}, w.grad().data());
    }
}
