package io.normlab.study;

import java.util.List;

/**
 * A study's answer to its claim, decided from its {@link Check}s by one explicit rule
 * ({@link #decide}): a claim is SUPPORTED when every required check holds and no qualifier
 * fires, NOT_SUPPORTED when no required check holds, and NUANCED otherwise (part of the claim
 * holds, or it holds with a measured qualification).
 */
public enum Verdict {
    SUPPORTED("supported"), NOT_SUPPORTED("not supported"), NUANCED("nuanced");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** Lower-case words for reports: "supported", "not supported", "nuanced". */
    public String label() {
        return label;
    }

    /** The rule above; at least one required check must be given. */
    public static Verdict decide(List<Check> checks) {
        long required = checks.stream().filter(c -> c.role() == Check.Role.REQUIRED).count();
        if (required == 0) throw new IllegalArgumentException("Verdict.decide: no required check among " + checks.size());
        long held = checks.stream().filter(c -> c.role() == Check.Role.REQUIRED && c.holds()).count();
        boolean qualified = checks.stream().anyMatch(c -> c.role() == Check.Role.QUALIFIER && c.holds());
        if (held == 0) return NOT_SUPPORTED;
        return held == required && !qualified ? SUPPORTED : NUANCED;
    }
}
