package io.normlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads a PyTorch golden case from the test resources ({@code /golden/<name>.safetensors}). */
public final class GoldenCase {
    private GoldenCase() {}

    public static SafeTensors load(String name) {
        String res = "/golden/" + name + ".safetensors";
        try (InputStream in = GoldenCase.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("golden case missing from test resources: " + res);
            return SafeTensors.parse(in.readAllBytes(), res);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
