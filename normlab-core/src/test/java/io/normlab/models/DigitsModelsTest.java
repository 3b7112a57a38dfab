package io.normlab.models;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.data.BundledData;
import io.normlab.data.DataLoader;
import io.normlab.data.Dataset;
import io.normlab.data.TrainValSplit;
import io.normlab.nn.Module;
import io.normlab.optim.Adam;
import io.normlab.tensor.Rng;
import io.normlab.train.Trainer;
import org.junit.jupiter.api.Test;

/** The convolutional and recurrent models learn the bundled digits (issue 4's acceptance runs, small). */
class DigitsModelsTest {
    private static double train(Module model, Dataset all, int epochs, double lr) {
        TrainValSplit split = TrainValSplit.stratified(all, 0.2, 7);
        Trainer trainer = new Trainer(model, new Adam(model.parameters(), Adam.Config.adam(lr)), Trainer.Options.epochs(epochs));
        trainer.fit(DataLoader.shuffled(split.train(), 32, 7), split.validation());
        return trainer.evaluate(split.validation()).accuracy();
    }

    private static Dataset scaled(Dataset d) {
        return d.withFeatures(d.features().mul(1f / 16f), "pixels scaled to [0, 1]");
    }

    @Test
    void smallCnnWithBatchNormReaches97Percent() {
        Module cnn = CnnSpec.of(1, 8, 8, NormKind.BATCH, NormKind.BATCH).build(new Rng(3));
        double acc = train(cnn, scaled(BundledData.digitsImages()), 20, 2e-3);
        assertTrue(acc >= 0.97, "CNN validation accuracy " + acc);
    }

    @Test
    void lstmReadingRowsLearnsDigits() {
        Module lstm = new SequenceClassifier(RecurrentKind.LSTM, 8, 64, 10, new Rng(4));
        double acc = train(lstm, scaled(BundledData.digitsSequences()), 8, 1e-2);
        assertTrue(acc >= 0.95, "LSTM validation accuracy " + acc);
    }
}
