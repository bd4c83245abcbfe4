package dev.deepwire.processor.model;

import java.util.List;

/** What one node computes, with the settings of its annotation (enum constants by name). */
public sealed interface LayerConfig {

  /** How messages name this layer kind, e.g. {@code @Dense}. */
  String label();

  /** {@code @Input}. */
  record InputLayer(List<Integer> shape, String dtype) implements LayerConfig {
    public InputLayer {
      shape = List.copyOf(shape);
    }

    @Override
    public String label() {
      return "@Input";
    }
  }

  /** {@code @Dense}. */
  record DenseLayer(int units, String activation, double alpha, boolean useBias, String kernelInitializer,
      String biasInitializer, double kernelL1, double kernelL2) implements LayerConfig {
    @Override
    public String label() {
      return "@Dense";
    }
  }

  /** {@code @Dropout}. */
  record DropoutLayer(double rate) implements LayerConfig {
    @Override
    public String label() {
      return "@Dropout";
    }
  }

  /** {@code @Flatten}. */
  record FlattenLayer() implements LayerConfig {
    @Override
    public String label() {
      return "@Flatten";
    }
  }

  /** {@code @Reshape}, with the dimensions as written ({@code -1} allowed). */
  record ReshapeLayer(List<Integer> shape) implements LayerConfig {
    public ReshapeLayer {
      shape = List.copyOf(shape);
    }

    @Override
    public String label() {
      return "@Reshape";
    }
  }

  /** {@code @Activation}. */
  record ActivationLayer(String function, double alpha) implements LayerConfig {
    @Override
    public String label() {
      return "@Activation";
    }
  }

  /** {@code @Concatenate}. */
  record ConcatenateLayer() implements LayerConfig {
    @Override
    public String label() {
      return "@Concatenate";
    }
  }

  /** {@code @Add}. */
  record AddLayer() implements LayerConfig {
    @Override
    public String label() {
      return "@Add";
    }
  }

  /** {@code @Conv}: 1D, 2D or 3D by the input's rank; per-dimension settings as written (one value or n). */
  record ConvLayer(int filters, List<Integer> kernel, List<Integer> strides, String padding, List<Integer> dilation,
      String activation, double alpha, boolean useBias, String kernelInitializer, String biasInitializer)
      implements LayerConfig {
    public ConvLayer {
      kernel = List.copyOf(kernel);
      strides = List.copyOf(strides);
      dilation = List.copyOf(dilation);
    }

    @Override
    public String label() {
      return "@Conv";
    }
  }

  /** {@code @ConvTranspose} (2D). */
  record ConvTransposeLayer(int filters, List<Integer> kernel, List<Integer> strides, String padding,
      String activation, double alpha, boolean useBias, String kernelInitializer, String biasInitializer)
      implements LayerConfig {
    public ConvTransposeLayer {
      kernel = List.copyOf(kernel);
      strides = List.copyOf(strides);
    }

    @Override
    public String label() {
      return "@ConvTranspose";
    }
  }

  /**
   * {@code @MaxPool} or {@code @AvgPool}.
   *
   * @param kind {@code MAX} or {@code AVG}
   * @param strides empty for the window size
   */
  record PoolLayer(String kind, List<Integer> window, List<Integer> strides, String padding) implements LayerConfig {
    public PoolLayer {
      window = List.copyOf(window);
      strides = List.copyOf(strides);
    }

    @Override
    public String label() {
      return kind.equals("MAX") ? "@MaxPool" : "@AvgPool";
    }
  }

  /** {@code @GlobalMaxPool} ({@code MAX}) or {@code @GlobalAvgPool} ({@code AVG}). */
  record GlobalPoolLayer(String kind) implements LayerConfig {
    @Override
    public String label() {
      return kind.equals("MAX") ? "@GlobalMaxPool" : "@GlobalAvgPool";
    }
  }

  /** {@code @BatchNorm}. */
  record BatchNormLayer(double momentum, double epsilon) implements LayerConfig {
    @Override
    public String label() {
      return "@BatchNorm";
    }
  }

  /** {@code @ZeroPadding}, one amount or one per spatial dimension. */
  record ZeroPaddingLayer(List<Integer> padding) implements LayerConfig {
    public ZeroPaddingLayer {
      padding = List.copyOf(padding);
    }

    @Override
    public String label() {
      return "@ZeroPadding";
    }
  }

  /** {@code @UpSampling}, one factor or one per spatial dimension. */
  record UpSamplingLayer(List<Integer> factors) implements LayerConfig {
    public UpSamplingLayer {
      factors = List.copyOf(factors);
    }

    @Override
    public String label() {
      return "@UpSampling";
    }
  }

  /** {@code @SpatialDropout}. */
  record SpatialDropoutLayer(double rate) implements LayerConfig {
    @Override
    public String label() {
      return "@SpatialDropout";
    }
  }

  /**
   * {@code @SimpleRNN}, {@code @LSTM} or {@code @GRU}, possibly {@code @Bidirectional}.
   *
   * @param kind {@code SIMPLE_RNN}, {@code LSTM} or {@code GRU}
   * @param recurrentActivation the gates' activation (unused by SimpleRNN)
   * @param unitForgetBias LSTM only
   * @param resetAfter GRU only
   * @param merge the {@code @Bidirectional} merge, or empty for one direction
   * @param returnState whether {@code @FinalState} members may read its final states
   * @param truncate truncated back-propagation through time in chunks of this many steps; 0 for full
   */
  record RecurrentLayer(String kind, int units, String activation, String recurrentActivation,
      boolean returnSequences, boolean useBias, boolean unitForgetBias, boolean resetAfter, String merge,
      boolean returnState, int truncate)
      implements LayerConfig {
    /** This layer wrapped in {@code @Bidirectional(merge)}. */
    public RecurrentLayer bidirectional(String how) {
      return new RecurrentLayer(kind, units, activation, recurrentActivation, returnSequences, useBias,
          unitForgetBias, resetAfter, how, returnState, truncate);
    }

    /** How many states the cell carries: 2 for LSTM ({@code h, c}), 1 otherwise ({@code h}). */
    public int stateCount() {
      return kind.equals("LSTM") ? 2 : 1;
    }

    @Override
    public String label() {
      return kind.equals("SIMPLE_RNN") ? "@SimpleRNN" : "@" + kind;
    }
  }

  /** {@code @Embedding}. */
  record EmbeddingLayer(int vocabulary, int dimension, boolean maskZero) implements LayerConfig {
    @Override
    public String label() {
      return "@Embedding";
    }
  }

  /** {@code @Masking}. */
  record MaskingLayer(double value) implements LayerConfig {
    @Override
    public String label() {
      return "@Masking";
    }
  }

  /**
   * {@code @SequenceDecoder}: an encoding and teacher-forcing tokens to next-token probabilities.
   *
   * @param cell {@code LSTM} or {@code GRU}
   * @param attention {@code NONE}, {@code ADDITIVE} or {@code MULTIPLICATIVE}
   * @param attentionUnits 0 for the decoder's units
   */
  record SequenceDecoderLayer(int vocabulary, int embedding, int units, String cell, String attention,
      int attentionUnits) implements LayerConfig {
    @Override
    public String label() {
      return "@SequenceDecoder";
    }
  }

  /**
   * {@code @TransformerDecoder}: encoder outputs and teacher-forcing tokens to next-token probabilities.
   *
   * @param feedForward 0 for 4 × units
   */
  record TransformerDecoderLayer(int vocabulary, int units, int layers, int heads, int feedForward, double dropout)
      implements LayerConfig {
    @Override
    public String label() {
      return "@TransformerDecoder";
    }
  }

  /** {@code @LayerNorm}. */
  record LayerNormLayer(double epsilon) implements LayerConfig {
    @Override
    public String label() {
      return "@LayerNorm";
    }
  }

  /** {@code @PositionalEmbedding}: {@code LEARNED} or {@code SINUSOIDAL}. */
  record PositionalEmbeddingLayer(String kind) implements LayerConfig {
    @Override
    public String label() {
      return "@PositionalEmbedding";
    }
  }

  /** {@code @MultiHeadAttention}: self-attention with one input, query over memory with two. */
  record MultiHeadAttentionLayer(int heads, int keyDim, double dropout, boolean causal) implements LayerConfig {
    @Override
    public String label() {
      return "@MultiHeadAttention";
    }
  }

  /** {@code @TransformerEncoder}. */
  record TransformerEncoderLayer(int layers, int heads, int feedForward, double dropout, boolean preNorm,
      String activation, double epsilon) implements LayerConfig {
    @Override
    public String label() {
      return "@TransformerEncoder";
    }
  }

  /** {@code @PoolTokens}: {@code FIRST} or {@code MEAN}. */
  record PoolTokensLayer(String mode) implements LayerConfig {
    @Override
    public String label() {
      return "@PoolTokens";
    }
  }

  /** {@code @MaskedLmHead}: a vocabulary softmax tied to the {@code @Embedding} that {@code tiedTo} names. */
  record MaskedLmHeadLayer(String tiedTo, double epsilon) implements LayerConfig {
    @Override
    public String label() {
      return "@MaskedLmHead";
    }
  }

  /** {@code @FinalState}: final state number {@code index} of the recurrent layer it consumes. */
  record FinalStateLayer(int index) implements LayerConfig {
    @Override
    public String label() {
      return "@FinalState";
    }
  }

  /** {@code @Sample}: a VAE's reparameterised code from a mean and a log-variance. */
  record SampleLayer(double klWeight) implements LayerConfig {
    @Override
    public String label() {
      return "@Sample";
    }
  }

  /**
   * {@code @GaussianNoise} ({@code GAUSSIAN}, amount = stddev) or {@code @MaskingNoise} ({@code MASKING},
   * amount = rate).
   */
  record NoiseLayer(String kind, double amount) implements LayerConfig {
    @Override
    public String label() {
      return kind.equals("GAUSSIAN") ? "@GaussianNoise" : "@MaskingNoise";
    }
  }

  /** {@code @ActivityRegularization}. */
  record ActivityRegularizationLayer(double l1, double sparsityTarget, double sparsityWeight)
      implements LayerConfig {
    @Override
    public String label() {
      return "@ActivityRegularization";
    }
  }

  /** {@code @PrimaryCaps}. */
  record PrimaryCapsLayer(int channels, int dimension, int kernel, int strides) implements LayerConfig {
    @Override
    public String label() {
      return "@PrimaryCaps";
    }
  }

  /** {@code @Capsules}. */
  record CapsulesLayer(int count, int dimension, int routing) implements LayerConfig {
    @Override
    public String label() {
      return "@Capsules";
    }
  }

  /** {@code @CapsuleLength}. */
  record CapsuleLengthLayer() implements LayerConfig {
    @Override
    public String label() {
      return "@CapsuleLength";
    }
  }

  /** {@code @CapsuleMask}: two inputs, the capsules and a one-hot label. */
  record CapsuleMaskLayer() implements LayerConfig {
    @Override
    public String label() {
      return "@CapsuleMask";
    }
  }

  /**
   * {@code @Distance}, with the {@code DistanceKind} constant name and the margin of its contrastive or triplet
   * loss: two or three inputs.
   */
  record DistanceLayer(String kind, double margin) implements LayerConfig {
    @Override
    public String label() {
      return "@Distance";
    }
  }

  /** A graph-form {@code @Output} without a layer annotation: its single input, as is. */
  record IdentityLayer() implements LayerConfig {
    @Override
    public String label() {
      return "@Output";
    }
  }

  /**
   * Another {@code @Model} applied as a whole.
   *
   * @param model the sub-model's declaration
   * @param valid whether the sub-model parsed without errors
   */
  record SubModelLayer(ModelSpec model, boolean valid) implements LayerConfig {
    @Override
    public String label() {
      return "Sub-model " + model.simpleName();
    }
  }
}
