package io.normlab.study;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
    static Check req(boolean holds) {
        return Check.required("r", holds, "");
    }

    static Check qual(boolean holds) {
        return Check.qualifier("q", holds, "");
    }

    @Test
    void allRequiredAndNoQualifierIsSupported() {
        assertEquals(Verdict.SUPPORTED, Verdict.decide(List.of(req(true), req(true), qual(false))));
    }

    @Test
    void aFiringQualifierMakesItNuanced() {
        assertEquals(Verdict.NUANCED, Verdict.decide(List.of(req(true), qual(true))));
    }

    @Test
    void partOfTheRequiredChecksIsNuanced() {
        assertEquals(Verdict.NUANCED, Verdict.decide(List.of(req(true), req(false))));
    }

    @Test
    void noRequiredCheckHoldingIsNotSupportedWhateverTheQualifiers() {
        assertEquals(Verdict.NOT_SUPPORTED, Verdict.decide(List.of(req(false), req(false), qual(true))));
        assertEquals(Verdict.NOT_SUPPORTED, Verdict.decide(List.of(req(false), qual(false))));
    }

    @Test
    void needsARequiredCheck() {
        assertThrows(IllegalArgumentException.class, () -> Verdict.decide(List.of(qual(true))));
    }
}
