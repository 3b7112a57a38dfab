package io.normlab.nn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.io.SafeTensors;
import io.normlab.io.SafeTensorsWriter;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's state dict saved as safetensors and loaded into a fresh model gives identical outputs. */
class StateDictFileTest {
    @TempDir Path dir;

    private static Sequential model(long seed) {
        Rng rng = new Rng(seed);
        return new Sequential(new Linear(6, 16, rng), new Tanh(), new Linear(16, 16, rng), new GELU(), new Linear(16, 4, rng));
    }

    @Test
    void saveLoadRoundTrip() {
        Sequential a = model(1);
        Path file = dir.resolve("model.safetensors");
        new SafeTensorsWriter().putAll(a.stateDict()).metadata("model", "mlp").metadata("seed", "1").write(file);

        SafeTensors st = SafeTensors.read(file);
        assertEquals(new ArrayList<>(a.stateDict().keySet()), new ArrayList<>(st.names()));
        assertEquals("1", st.metadata().get("seed"));
        Map<String, Tensor> loaded = new LinkedHashMap<>();
        for (String name : st.names()) loaded.put(name, st.tensor(name));

        Sequential b = model(2);
        b.loadStateDict(loaded);
        for (var e : a.stateDict().entrySet()) {
            assertArrayEquals(e.getValue().shape(), b.stateDict().get(e.getKey()).shape(), e.getKey());
            assertArrayEquals(e.getValue().data(), b.stateDict().get(e.getKey()).data(), e.getKey());
        }
        Tensor x = Tensor.randn(new Rng(3), 5, 6);
        assertArrayEquals(a.forward(x).value().data(), b.forward(x).value().data());
    }
}
