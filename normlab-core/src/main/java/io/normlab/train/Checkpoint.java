package io.normlab.train;

import io.normlab.io.SafeTensors;
import io.normlab.io.SafeTensorsWriter;
import io.normlab.nn.Module;
import io.normlab.optim.Optimizer;
import io.normlab.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training checkpoints: the model's state dict (tensors {@code model.<name>}), the optimizer's
 * state ({@code optimizer.<name>}) and the trainer's counters and learning rate (metadata), in one
 * safetensors file, so PyTorch tools can read the weights too.
 *
 * <p>Writing is atomic (temporary file in the same directory, then rename): a run killed at any
 * moment leaves either the previous checkpoint or the new one, never a torn file. Loading checks
 * everything first and restores the model and optimizer only when all of it fits; on error both are
 * left as they were. Together with {@link io.normlab.data.DataLoader}'s per-epoch seeded order,
 * restoring a checkpoint continues training bit-identically. Not captured: random state inside
 * modules (e.g. a Dropout generator), so resume of such models is not bit-identical.
 */
public final class Checkpoint {
    /** Value of the {@code format} metadata key. */
    public static final String FORMAT = "normlab-checkpoint/1";

    private Checkpoint() {}

    /** The trainer's position: steps and epochs done, and the learning rate of the last step. */
    public record Position(int step, int epochsDone, double learningRate) {}

    /** Writes {@code file} atomically. */
    public static void save(Path file, Module model, Optimizer optimizer, Position position) {
        SafeTensorsWriter w = new SafeTensorsWriter()
                .metadata("format", FORMAT)
                .metadata("step", Integer.toString(position.step()))
                .metadata("epochs_done", Integer.toString(position.epochsDone()))
                .metadata("learning_rate", Double.toString(position.learningRate()));
        model.stateDict().forEach((k, t) -> w.put("model." + k, t));
        optimizer.state().forEach((k, t) -> w.put("optimizer." + k, t));
        w.write(file);
    }

    /**
     * Restores {@code model} and {@code optimizer} from {@code file} and returns the saved position.
     * Missing, unexpected or mis-shaped entries throw with the file named; nothing is changed then.
     */
    public static Position load(Path file, Module model, Optimizer optimizer) {
        SafeTensors st = SafeTensors.read(file);
        Map<String, String> meta = st.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException(file + ": not a NormLab checkpoint (expected metadata format=" + FORMAT + ", found " + meta.get("format") + ")");
        }
        Position pos;
        try {
            pos = new Position(Integer.parseInt(meta.get("step")), Integer.parseInt(meta.get("epochs_done")), Double.parseDouble(meta.get("learning_rate")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": malformed checkpoint metadata " + meta, e);
        }
        Map<String, Tensor> modelState = new LinkedHashMap<>(), optimState = new LinkedHashMap<>();
        for (String name : st.names()) {
            if (name.startsWith("model.")) modelState.put(name.substring(6), st.tensor(name));
            else if (name.startsWith("optimizer.")) optimState.put(name.substring(10), st.tensor(name));
            else throw new IllegalArgumentException(file + ": unexpected tensor '" + name + "' (expected model.* or optimizer.*)");
        }
        Map<String, Tensor> modelBackup = copy(model.stateDict()), optimBackup = copy(optimizer.state());
        try {
            model.loadStateDict(modelState);
            optimizer.loadState(optimState);
            optimizer.setLearningRate(pos.learningRate());
        } catch (RuntimeException e) {
            model.loadStateDict(modelBackup);
            optimizer.loadState(optimBackup);
            throw new IllegalArgumentException(file + ": checkpoint does not fit this model and optimizer: " + e.getMessage(), e);
        }
        return pos;
    }

    /**
     * The model weights in {@code file}: the {@code model.*} tensors (prefix removed) of a NormLab
     * checkpoint, or every tensor of any other safetensors file (a PyTorch state dict saved with
     * {@code safetensors.torch.save_file}). Load them with {@link Module#loadStateDict}.
     */
    public static Map<String, Tensor> readModelState(Path file) {
        SafeTensors st = SafeTensors.read(file);
        boolean checkpoint = FORMAT.equals(st.metadata().get("format"));
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (String name : st.names()) {
            if (!checkpoint) state.put(name, st.tensor(name));
            else if (name.startsWith("model.")) state.put(name.substring(6), st.tensor(name));
        }
        return state;
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> state) {
        Map<String, Tensor> c = new LinkedHashMap<>();
        state.forEach((k, t) -> c.put(k, t.copy()));
        return c;
    }
}
