package dev.deepwire.annotations;

/** How a decoder scores its query against each encoder output, or {@link #NONE} for no attention. */
public enum AttentionScore {
  /** No attention: the decoder sees the encoder only through its initial state and a summary vector. */
  NONE,
  /** Bahdanau et al. (2015): {@code vᵀ tanh(W_q q + W_k k)}. */
  ADDITIVE,
  /** Luong et al. (2015), "general": {@code qᵀ W k}. */
  MULTIPLICATIVE
}
