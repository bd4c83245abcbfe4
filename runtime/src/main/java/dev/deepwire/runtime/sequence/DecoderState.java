package dev.deepwire.runtime.sequence;

/**
 * One hypothesis' decoder state in a {@link SequenceGenerator}: its source's encoding and mask (shared, never
 * copied) and the recurrent states after its last token.
 *
 * @param memory the flattened encoding of the source
 * @param mask the encoding's mask, or null for a vector encoding
 * @param states each recurrent state {@code [units]}; null before the initial states are computed
 */
record DecoderState(float[] memory, float[] mask, float[][] states) {}
