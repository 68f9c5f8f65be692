/**
 * What a series of coverage is, shared by the steps that build series ({@code series}), cluster stories
 * ({@code stories}) and judge them ({@code detect}): the series an article counts in, the two sides, a window's
 * statistics and the articles that contributed, and the event time every step runs on. It depends on none of them.
 */
package io.eurus.processor.coverage;
