package io.normlab.nn.rnn;

import io.normlab.autograd.Shaping;
import io.normlab.autograd.Var;
import io.normlab.tensor.Layout;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving between a batch-first sequence (N, T, D) and its T steps (N, D), and the unrolled loop
 * shared by the recurrent layers.
 *
 * <p>{@link #split} of a sequence that requires a gradient halves it recursively, so the backward
 * costs O(N T D log T): slicing each step straight off the whole sequence would make every step's
 * gradient a full (N, T, D) tensor, O(N T^2 D) in all.
 */
public final class TimeSteps {
    private TimeSteps() {}

    /** One recurrent step: the next state from input x_t (N, D) and the previous state. */
    @FunctionalInterface
    interface Step {
        LstmState apply(Var xt, LstmState previous);
    }

    /** The T steps of a (N, T, D) sequence, each (N, D). */
    public static List<Var> split(Var x) {
        int[] s = x.shape();
        if (s.length != 3) throw new ShapeException("split: expected a batch-first sequence (N, T, D), got " + Shape.str(s));
        List<Var> out = new ArrayList<>(s[1]);
        if (!x.requiresGrad()) {
            for (int t = 0; t < s[1]; t++) out.add(Var.of(Layout.slice(x.value(), 1, t, t + 1).reshape(s[0], s[2])));
        } else {
            halve(x, s[1], out);
        }
        return out;
    }

    private static void halve(Var part, int len, List<Var> out) {
        int[] s = part.shape();
        if (len == 1) {
            out.add(part.reshape(s[0], s[2]));
            return;
        }
        int mid = len / 2;
        halve(Shaping.slice(part, 1, 0, mid), mid, out);
        halve(Shaping.slice(part, 1, mid, len), len - mid, out);
    }

    /** Stacks T steps of shape (N, H) into a (N, T, H) sequence. */
    public static Var stack(List<Var> steps) {
        if (steps.isEmpty()) throw new ShapeException("stack: no steps");
        Var[] parts = new Var[steps.size()];
        for (int t = 0; t < parts.length; t++) {
            int[] s = steps.get(t).shape();
            if (s.length != 2) throw new ShapeException("stack: step " + t + " must be (N, H), got " + Shape.str(s));
            parts[t] = steps.get(t).reshape(s[0], 1, s[1]);
        }
        return Shaping.concat(1, parts);
    }

    /**
     * Runs {@code step} over the sequence x (N, T, D) from {@code initial} and collects the result.
     * A plain loop: the graph it records is T steps deep, and backward through it is iterative.
     */
    static SequenceResult unroll(String op, Var x, int inputSize, LstmState initial, Step step) {
        batchSize(op, x, inputSize);
        List<Var> hs = new ArrayList<>(x.shape()[1]);
        LstmState state = initial;
        for (Var xt : split(x)) {
            state = step.apply(xt, state);
            hs.add(state.h());
        }
        return new SequenceResult(stack(hs), state.h(), state.c(), hs);
    }

    /** Checks that x is (N, T, inputSize) with T >= 1 and returns N. */
    static int batchSize(String op, Var x, int inputSize) {
        int[] s = x.shape();
        if (s.length != 3 || s[2] != inputSize || s[1] < 1) {
            throw new ShapeException(op + ": expected batch-first input (N, T, " + inputSize + ") with T >= 1, got " + Shape.str(s));
        }
        return s[0];
    }

    /**
     * The initial state (N, H): {@code given} (shape (N, H), or PyTorch's (1, N, H)), or zeros
     * when null.
     */
    static Var initialState(String op, String name, Var given, int n, int hidden) {
        if (given == null) return Var.of(Tensor.zeros(n, hidden));
        int[] s = given.shape();
        if (s.length == 3 && s[0] == 1 && s[1] == n && s[2] == hidden) return given.reshape(n, hidden);
        if (s.length == 2 && s[0] == n && s[1] == hidden) return given;
        throw new ShapeException(op + ": initial " + name + " must be (" + n + ", " + hidden + ") or (1, " + n + ", " + hidden + "), got " + Shape.str(s));
    }
}
