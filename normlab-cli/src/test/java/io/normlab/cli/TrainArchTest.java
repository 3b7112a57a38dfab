package io.normlab.cli;

import static io.normlab.cli.MainTest.finalAccuracy;
import static io.normlab.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@code normlab train --arch}: the convolutional and recurrent families on the digits images. */
class TrainArchTest {
    @Test
    void smallCnnWithBatchNormReaches97PercentOnDigits() {
        MainTest.Run r = run("train", "--data", "digits", "--arch", "cnn", "--norm", "batch", "--lr", "2e-3", "--epochs", "12");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Conv2d"), r.out());
        assertTrue(r.out().contains("BatchNorm2d"), r.out());
        assertTrue(finalAccuracy(r) >= 0.97, r.out());
    }

    @Test
    void lstmReadingRowsLearnsDigits() {
        MainTest.Run r = run("train", "--data", "digits", "--arch", "lstm", "--lr", "1e-2", "--epochs", "8");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("LSTM"), r.out());
        assertTrue(finalAccuracy(r) >= 0.95, r.out());
    }

    @Test
    void cnnOnNonImageDataAndNormOnRecurrentNetsAreUsageErrors() {
        MainTest.Run cnn = run("train", "--data", "wine", "--arch", "cnn");
        assertEquals(2, cnn.exit());
        assertTrue(cnn.err().contains("--arch cnn needs square images"), cnn.err());
        MainTest.Run rnn = run("train", "--data", "digits", "--arch", "gru", "--norm", "batch");
        assertEquals(2, rnn.exit());
        assertTrue(rnn.err().contains("--arch ln_lstm"), rnn.err());
    }
}
