package io.normlab.nn.rnn;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;

/**
 * Parameter setup shared by the recurrent cells and layers: {@code weight_ih} (G*H, D),
 * {@code weight_hh} (G*H, H), {@code bias_ih}, {@code bias_hh} (G*H), registered in that order with
 * a name suffix ("" for cells, "_l0" for layers, as PyTorch) and PyTorch's default initialisation:
 * every parameter ~ U(-1/sqrt(H), 1/sqrt(H)), drawn in registration order.
 */
abstract class RecurrentModule extends Module {
    final int inputSize;
    final int hiddenSize;
    final Var weightIh;
    final Var weightHh;
    final Var biasIh;
    final Var biasHh;

    RecurrentModule(String kind, int gates, int inputSize, int hiddenSize, boolean bias, String suffix, Rng rng) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException(kind + ": input_size and hidden_size must be positive, got " + inputSize + ", " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        float k = (float) (1.0 / Math.sqrt(hiddenSize));
        weightIh = registerParameter("weight_ih" + suffix, Tensor.uniform(rng, -k, k, gates * hiddenSize, inputSize));
        weightHh = registerParameter("weight_hh" + suffix, Tensor.uniform(rng, -k, k, gates * hiddenSize, hiddenSize));
        biasIh = bias ? registerParameter("bias_ih" + suffix, Tensor.uniform(rng, -k, k, gates * hiddenSize)) : null;
        biasHh = bias ? registerParameter("bias_hh" + suffix, Tensor.uniform(rng, -k, k, gates * hiddenSize)) : null;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    @Override
    protected String describe() {
        return inputSize + ", " + hiddenSize + (biasIh == null ? ", bias=false" : "");
    }
}
