package dev.deepwire.processor;

import java.util.List;

/** Canonical names of the Deepwire annotations, so the processor never loads the runtime. */
public final class AnnotationNames {

  private static final String PACKAGE = "dev.deepwire.annotations.";

  public static final String MODEL = PACKAGE + "Model";
  public static final String ADVERSARIAL = PACKAGE + "Adversarial";
  public static final String TENSOR = PACKAGE + "Tensor";
  public static final String INPUT = PACKAGE + "Input";
  public static final String OUTPUT = PACKAGE + "Output";
  public static final String DENSE = PACKAGE + "Dense";
  public static final String DROPOUT = PACKAGE + "Dropout";
  public static final String FLATTEN = PACKAGE + "Flatten";
  public static final String RESHAPE = PACKAGE + "Reshape";
  public static final String ACTIVATION = PACKAGE + "Activation";
  public static final String CONCATENATE = PACKAGE + "Concatenate";
  public static final String ADD = PACKAGE + "Add";
  public static final String CONV = PACKAGE + "Conv";
  public static final String CONV_TRANSPOSE = PACKAGE + "ConvTranspose";
  public static final String MAX_POOL = PACKAGE + "MaxPool";
  public static final String AVG_POOL = PACKAGE + "AvgPool";
  public static final String GLOBAL_MAX_POOL = PACKAGE + "GlobalMaxPool";
  public static final String GLOBAL_AVG_POOL = PACKAGE + "GlobalAvgPool";
  public static final String BATCH_NORM = PACKAGE + "BatchNorm";
  public static final String ZERO_PADDING = PACKAGE + "ZeroPadding";
  public static final String UP_SAMPLING = PACKAGE + "UpSampling";
  public static final String SPATIAL_DROPOUT = PACKAGE + "SpatialDropout";
  public static final String SIMPLE_RNN = PACKAGE + "SimpleRNN";
  public static final String LSTM = PACKAGE + "LSTM";
  public static final String GRU = PACKAGE + "GRU";
  public static final String EMBEDDING = PACKAGE + "Embedding";
  public static final String MASKING = PACKAGE + "Masking";
  public static final String FINAL_STATE = PACKAGE + "FinalState";
  public static final String SEQUENCE_DECODER = PACKAGE + "SequenceDecoder";
  public static final String TRANSFORMER_DECODER = PACKAGE + "TransformerDecoder";
  public static final String LAYER_NORM = PACKAGE + "LayerNorm";
  public static final String POSITIONAL_EMBEDDING = PACKAGE + "PositionalEmbedding";
  public static final String MULTI_HEAD_ATTENTION = PACKAGE + "MultiHeadAttention";
  public static final String TRANSFORMER_ENCODER = PACKAGE + "TransformerEncoder";
  public static final String POOL_TOKENS = PACKAGE + "PoolTokens";
  public static final String MASKED_LM_HEAD = PACKAGE + "MaskedLmHead";
  public static final String SAMPLE = PACKAGE + "Sample";
  public static final String GAUSSIAN_NOISE = PACKAGE + "GaussianNoise";
  public static final String MASKING_NOISE = PACKAGE + "MaskingNoise";
  public static final String ACTIVITY_REGULARIZATION = PACKAGE + "ActivityRegularization";
  /** Markers of an autoencoder's halves, beside a layer annotation. */
  public static final String ENCODER = PACKAGE + "Encoder";
  public static final String DECODER = PACKAGE + "Decoder";
  public static final String PRIMARY_CAPS = PACKAGE + "PrimaryCaps";
  public static final String CAPSULES = PACKAGE + "Capsules";
  public static final String CAPSULE_LENGTH = PACKAGE + "CapsuleLength";
  public static final String CAPSULE_MASK = PACKAGE + "CapsuleMask";
  public static final String DISTANCE = PACKAGE + "Distance";
  /** A modifier of a recurrent layer, not a layer of its own. */
  public static final String BIDIRECTIONAL = PACKAGE + "Bidirectional";

  /** The annotations that make a member a layer, {@code @Output} excluded. */
  public static final List<String> LAYERS =
      List.of(INPUT, DENSE, DROPOUT, FLATTEN, RESHAPE, ACTIVATION, CONCATENATE, ADD, CONV, CONV_TRANSPOSE, MAX_POOL,
          AVG_POOL, GLOBAL_MAX_POOL, GLOBAL_AVG_POOL, BATCH_NORM, ZERO_PADDING, UP_SAMPLING, SPATIAL_DROPOUT, SIMPLE_RNN, LSTM,
          GRU, EMBEDDING, MASKING, FINAL_STATE, SEQUENCE_DECODER, TRANSFORMER_DECODER, LAYER_NORM, POSITIONAL_EMBEDDING,
          MULTI_HEAD_ATTENTION, TRANSFORMER_ENCODER, POOL_TOKENS, SAMPLE, GAUSSIAN_NOISE, MASKING_NOISE,
          ACTIVITY_REGULARIZATION, PRIMARY_CAPS, CAPSULES, CAPSULE_LENGTH, CAPSULE_MASK, DISTANCE, MASKED_LM_HEAD);

  private AnnotationNames() {}
}
