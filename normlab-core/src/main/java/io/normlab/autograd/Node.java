package io.normlab.autograd;

/** The record of one applied {@link Function}: the function and its input variables. */
final class Node {
    final Function function;
    final Var[] inputs;

    Node(Function function, Var[] inputs) {
        this.function = function;
        this.inputs = inputs.clone();
    }
}
