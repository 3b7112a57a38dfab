package io.normlab.study;

/**
 * What a paper measured, to show beside NormLab's own numbers (from shared/PAPERS.md).
 *
 * @param paper  short citation, e.g. "Wu &amp; He 2018, Group Normalization"
 * @param figure the headline figures and their setup, in words
 */
public record Literature(String paper, String figure) {}
