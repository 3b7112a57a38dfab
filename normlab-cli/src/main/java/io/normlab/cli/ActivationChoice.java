package io.normlab.cli;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import java.util.function.UnaryOperator;

/**
 * The activation functions the CLI offers, as parameter-free modules. (Constant names are the
 * flag values, hence lower case.)
 */
enum ActivationChoice {
    relu(Var::relu),
    tanh(Var::tanh),
    sigmoid(Var::sigmoid),
    gelu(io.normlab.autograd.Activations::gelu);

    private final UnaryOperator<Var> f;

    ActivationChoice(UnaryOperator<Var> f) {
        this.f = f;
    }

    /** A new module applying this activation elementwise. */
    Module module() {
        return new Activation(this);
    }

    private static final class Activation extends Module {
        private final ActivationChoice kind;

        Activation(ActivationChoice kind) {
            this.kind = kind;
        }

        @Override
        protected Var compute(Var input) {
            return kind.f.apply(input);
        }

        @Override
        protected String describe() {
            return kind.name();
        }
    }
}
