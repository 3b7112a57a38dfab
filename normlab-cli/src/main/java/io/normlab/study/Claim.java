package io.normlab.study;

/**
 * The statement a study tests, quoted, and where it comes from.
 *
 * @param quote  the words of the seed article or paper
 * @param source "seed article, section ..." or a paper citation
 */
public record Claim(String quote, String source) {}
