package io.normlab.train;

import io.normlab.autograd.Losses;
import io.normlab.autograd.Var;
import io.normlab.data.Batch;
import io.normlab.data.BundledData;
import io.normlab.data.DataLoader;
import io.normlab.data.Dataset;
import io.normlab.data.Standardizer;
import io.normlab.data.TrainValSplit;
import io.normlab.nn.Linear;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.optim.Adam;
import io.normlab.tensor.Rng;
import io.normlab.train.Trainer;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

// The library example of the repository's README.md, compiled and run. readmeShowsThisCode()
// checks that every line of the README's Java block appears here, in the same order.

class ReadmeExampleTest {
    static double example() {
        // Data: the bundled UCI digits, split by class, standardized with the training statistics.
        TrainValSplit split = TrainValSplit.stratified(BundledData.digits(), 0.2, 42);
        Standardizer standardizer = Standardizer.fit(split.train());
        Dataset train = standardizer.apply(split.train());
        Dataset val = standardizer.apply(split.validation());

        // Model: 64 pixels -> 128 hidden units -> 10 classes, PyTorch's default initialization.
        Rng rng = new Rng(42);
        Sequential model = new Sequential(new Linear(64, 128, rng), new ReLU(), new Linear(128, 10, rng));
        Adam adam = new Adam(model.parameters(), Adam.Config.adam(1e-3));

        // One epoch by hand: zero the gradients, forward, loss, backward, update.
        for (Batch b : DataLoader.shuffled(train, 32, 42).epoch(0)) {
            adam.zeroGrad();
            Var loss = Losses.crossEntropy(model.forward(Var.of(b.x())), b.y());
            loss.backward();
            adam.step();
        }

        // Or let the Trainer do it, with validation after every epoch.
        Trainer trainer = new Trainer(model, adam, Trainer.Options.epochs(10));
        trainer.fit(DataLoader.shuffled(train, 32, 42), val);
        double accuracy = trainer.evaluate(val).accuracy(); // about 0.98
        return accuracy;
    }

    @Test
    void exampleTrainsToNinetyFivePercent() {
        double accuracy = example();
        assertTrue(accuracy >= 0.95, "validation accuracy " + accuracy);
    }

    @Test
    void readmeShowsThisCode() throws IOException {
        List<String> readme = javaBlock(Files.readAllLines(Path.of("..", "README.md")));
        assertFalse(readme.isEmpty(), "README.md has no ```java block");
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/normlab/train/ReadmeExampleTest.java"));
        int at = 0;
        for (String line : readme) {
            while (at < source.size() && !source.get(at).trim().equals(line)) at++;
            assertTrue(at < source.size(), "README line not found here (in order): " + line);
            at++;
        }
    }

    /** Trimmed non-blank lines of the first ```java block. */
    static List<String> javaBlock(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (!in && l.trim().equals("```java")) in = true;
            else if (in && l.trim().equals("```")) break;
            else if (in && !l.isBlank()) out.add(l.trim());
        }
        return out;
    }
}
