package io.eurus.events;

/** A term and how much it contributed (a tone weight, or a change in frequency). */
public record TermWeight(String term, double weight) {
}
