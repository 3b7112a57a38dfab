package io.normlab.study;

import io.normlab.autograd.Var;
import java.util.List;

/** A recurrent model that exposes the hidden states h_1..h_T of its last forward, to measure dL/dh_t. */
public interface ThroughTime {
    /** The per-step hidden states of the most recent forward call, t = 1 first. */
    List<Var> lastHiddenStates();
}
