package io.normlab.study;

/**
 * One explicit rule a study applies to its measurements, and its outcome.
 *
 * <p>A REQUIRED check is part of the claim as stated ("BatchNorm keeps the first layer's gradient
 * within 10x of the last's"); a QUALIFIER is a measured finding that limits the claim even when
 * the required checks hold ("at batch 4 a BatchNorm net's gradient grows 1.3x per layer at
 * initialization"). {@link Verdict#decide} turns a list of checks into the verdict.
 *
 * @param rule     the rule in words, with its threshold
 * @param role     required part of the claim, or qualifier
 * @param holds    whether the measurements satisfy the rule
 * @param evidence the numbers the rule was applied to (medians, with their spread)
 */
public record Check(String rule, Role role, boolean holds, String evidence) {
    public enum Role { REQUIRED, QUALIFIER }

    public static Check required(String rule, boolean holds, String evidence) {
        return new Check(rule, Role.REQUIRED, holds, evidence);
    }

    public static Check qualifier(String rule, boolean holds, String evidence) {
        return new Check(rule, Role.QUALIFIER, holds, evidence);
    }
}
