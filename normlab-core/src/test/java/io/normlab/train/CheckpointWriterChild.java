package io.normlab.train;

import io.normlab.data.DataLoader;
import io.normlab.nn.Sequential;
import io.normlab.optim.Adam;
import java.nio.file.Path;

/**
 * Child process of {@link CheckpointTest#killedRunNeverLeavesATornCheckpoint}: trains forever,
 * checkpointing after every epoch and reporting "saved N" on stdout, until it is killed.
 */
public final class CheckpointWriterChild {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Sequential model = CheckpointTest.model(1, CheckpointTest.WIDE);
        Trainer t = new Trainer(model, new Adam(model.parameters(), Adam.Config.adam(1e-3)), Trainer.Options.epochs(Integer.MAX_VALUE));
        t.addListener(t.checkpointEveryEpoch(file));
        t.addListener(new TrainingListener() {
            @Override
            public void onEpochEnd(int epoch, EpochMetrics m) {
                System.out.println("saved " + (epoch + 1));
                System.out.flush();
            }
        });
        t.fit(DataLoader.shuffled(TrainerTest.tiny(), 12, 5), null);
    }
}
