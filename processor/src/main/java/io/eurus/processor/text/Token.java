package io.eurus.processor.text;

/**
 * One word of a text: where it is, how it was written, and its stem (the form lexicons and aliases match on).
 *
 * @param start offset of the first character in the analysed text
 * @param end   offset after the last character
 */
public record Token(String surface, String stem, int start, int end) {
}
