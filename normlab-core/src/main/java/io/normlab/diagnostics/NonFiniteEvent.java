package io.normlab.diagnostics;

/**
 * Where the first NaN or infinity of a step appeared (see {@link NonFiniteException} for the
 * attribution rules).
 *
 * @param layerPath path of the module that produced it; null for a whole-step quantity (the loss)
 * @param layerType its class simple name; null likewise
 * @param step      the step
 * @param phase     forward, backward or the optimizer update
 * @param message   the full description, as in the exception
 */
public record NonFiniteEvent(String layerPath, String layerType, int step, NonFiniteException.Phase phase, String message) {}
