package io.normlab.autograd;

import io.normlab.tensor.Elementwise;
import io.normlab.tensor.Reductions;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode backward: topological order (an iterative depth-first search, so a graph of any
 * depth fits on the stack), then one reverse loop. Gradients always accumulate ({@code +=}).
 *
 * <p>Ownership: a gradient the engine knows no one else holds (the sum it formed of two
 * contributions, or a tensor a backward returned whose data is not shared with that backward's
 * upstream gradient, with another of its results, or with the node's input and output values)
 * takes further contributions in place and is handed to a leaf as its {@code grad} without a copy. Anything else (the caller's upstream
 * gradient, a view of an upstream gradient such as the one {@code reshape} or {@code add} pass
 * on) is copied first, so a later accumulation never writes into a tensor held elsewhere.
 */
final class Engine {
    private Engine() {}

    static void backward(Var root, Tensor gradRoot) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: the tensor does not require a gradient (no input to it has requiresGrad)");
        }
        if (!root.value().sameShape(gradRoot)) {
            throw ShapeException.of("backward", "upstream gradient shape differs from the tensor's", gradRoot.shape(), root.value().shape());
        }
        List<Var> order = topologicalOrder(root);
        Map<Var, Tensor> pending = new IdentityHashMap<>();
        Set<Tensor> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.put(root, gradRoot);
        for (int k = order.size() - 1; k >= 0; k--) {
            Var v = order.get(k);
            Tensor g = pending.remove(v);
            if (g == null) continue;
            v.receiveGradient(g, owned.remove(g));
            Node node = v.node();
            if (node == null) continue;
            Tensor[] inGrads = node.function.backward(g);
            checkCount(node, inGrads);
            for (int i = 0; i < node.inputs.length; i++) {
                Var in = node.inputs[i];
                if (!in.requiresGrad() || inGrads[i] == null) continue;
                Tensor gi = toInputShape(node, i, inGrads[i], in.value().shape());
                Tensor prev = pending.get(in);
                if (prev == null) {
                    pending.put(in, gi);
                    if (exclusive(gi, inGrads, i, g, v, node)) owned.add(gi);
                } else if (owned.contains(prev)) {
                    Elementwise.addInPlace(prev, gi); // no one else holds prev: sum into it (an RNN weight used T times)
                } else {
                    Tensor sum = Elementwise.add(prev, gi);
                    owned.add(sum);
                    pending.put(in, sum);
                }
            }
        }
    }

    /**
     * True when no one but the engine holds the data of {@code gi}, the gradient for input i: a new
     * tensor made by summing a broadcast gradient, or a returned one whose array is shared with
     * neither the upstream gradient, another returned gradient, nor a value of the node.
     */
    private static boolean exclusive(Tensor gi, Tensor[] inGrads, int i, Tensor upstream, Var out, Node node) {
        float[] d = gi.data();
        if (d != inGrads[i].data()) return true;
        if (d == upstream.data() || d == out.value().data()) return false;
        for (int j = 0; j < inGrads.length; j++) {
            if (j != i && inGrads[j] != null && inGrads[j].data() == d) return false;
        }
        for (Var in : node.inputs) if (in.value().data() == d) return false;
        return true;
    }

    /** One gradient per input; trailing extra entries are tolerated only when null (an absent optional input). */
    private static void checkCount(Node node, Tensor[] inGrads) {
        int n = node.inputs.length;
        boolean bad = inGrads == null || inGrads.length < n;
        for (int i = n; !bad && i < inGrads.length; i++) bad = inGrads[i] != null;
        if (bad) {
            throw new IllegalStateException(node.function.name() + ".backward returned " + (inGrads == null ? "null" : inGrads.length + " gradient(s)")
                    + " for " + n + " inputs");
        }
    }

    /** Sums a broadcast gradient down to the input's shape; names the op when it cannot be. */
    private static Tensor toInputShape(Node node, int i, Tensor grad, int[] inputShape) {
        try {
            return Reductions.sumToShape(grad, inputShape);
        } catch (ShapeException e) {
            throw new ShapeException(node.function.name() + ".backward: gradient for input " + i + " has shape "
                    + Shape.str(grad.shape()) + ", which does not reduce to the input's shape " + Shape.str(inputShape));
        }
    }

    /** Variables that require a gradient and lead to {@code root}, inputs before outputs. */
    private static List<Var> topologicalOrder(Var root) {
        List<Var> order = new ArrayList<>();
        Map<Var, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Var> stack = new ArrayDeque<>();
        ArrayDeque<Integer> childIndex = new ArrayDeque<>();
        stack.push(root);
        childIndex.push(0);
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Var v = stack.peek();
            int i = childIndex.pop();
            Node node = v.node();
            Var[] inputs = node == null ? new Var[0] : node.inputs;
            while (i < inputs.length && (!inputs[i].requiresGrad() || visited.containsKey(inputs[i]))) i++;
            if (i < inputs.length) {
                childIndex.push(i + 1);
                Var child = inputs[i];
                visited.put(child, Boolean.TRUE);
                stack.push(child);
                childIndex.push(0);
            } else {
                stack.pop();
                order.add(v);
            }
        }
        return order;
    }
}
