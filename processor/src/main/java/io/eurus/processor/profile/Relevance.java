package io.eurus.processor.profile;

import java.util.List;

/**
 * Whether a text is about the watched relationship, and why.
 *
 * @param actors    names of the profile's actors found in the qualifying sentences, in order of appearance
 * @param sentences indices of the sentences that are about the relationship
 */
public record Relevance(boolean relevant, List<String> actors, List<Integer> sentences) {
}
