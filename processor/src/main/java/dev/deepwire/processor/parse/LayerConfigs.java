package dev.deepwire.processor.parse;

import static dev.deepwire.processor.AnnotationNames.ACTIVATION;
import static dev.deepwire.processor.AnnotationNames.ACTIVITY_REGULARIZATION;
import static dev.deepwire.processor.AnnotationNames.GAUSSIAN_NOISE;
import static dev.deepwire.processor.AnnotationNames.MASKING_NOISE;
import static dev.deepwire.processor.AnnotationNames.SAMPLE;
import static dev.deepwire.processor.AnnotationNames.ADD;
import static dev.deepwire.processor.AnnotationNames.CAPSULES;
import static dev.deepwire.processor.AnnotationNames.CAPSULE_LENGTH;
import static dev.deepwire.processor.AnnotationNames.CAPSULE_MASK;
import static dev.deepwire.processor.AnnotationNames.DISTANCE;
import static dev.deepwire.processor.AnnotationNames.PRIMARY_CAPS;
import static dev.deepwire.processor.AnnotationNames.AVG_POOL;
import static dev.deepwire.processor.AnnotationNames.BATCH_NORM;
import static dev.deepwire.processor.AnnotationNames.CONV;
import static dev.deepwire.processor.AnnotationNames.CONV_TRANSPOSE;
import static dev.deepwire.processor.AnnotationNames.GLOBAL_AVG_POOL;
import static dev.deepwire.processor.AnnotationNames.GLOBAL_MAX_POOL;
import static dev.deepwire.processor.AnnotationNames.MAX_POOL;
import static dev.deepwire.processor.AnnotationNames.EMBEDDING;
import static dev.deepwire.processor.AnnotationNames.FINAL_STATE;
import static dev.deepwire.processor.AnnotationNames.GRU;
import static dev.deepwire.processor.AnnotationNames.LSTM;
import static dev.deepwire.processor.AnnotationNames.MASKING;
import static dev.deepwire.processor.AnnotationNames.LAYER_NORM;
import static dev.deepwire.processor.AnnotationNames.MASKED_LM_HEAD;
import static dev.deepwire.processor.AnnotationNames.MULTI_HEAD_ATTENTION;
import static dev.deepwire.processor.AnnotationNames.POOL_TOKENS;
import static dev.deepwire.processor.AnnotationNames.POSITIONAL_EMBEDDING;
import static dev.deepwire.processor.AnnotationNames.SEQUENCE_DECODER;
import static dev.deepwire.processor.AnnotationNames.TRANSFORMER_DECODER;
import static dev.deepwire.processor.AnnotationNames.TRANSFORMER_ENCODER;
import static dev.deepwire.processor.AnnotationNames.SIMPLE_RNN;
import static dev.deepwire.processor.AnnotationNames.SPATIAL_DROPOUT;
import static dev.deepwire.processor.AnnotationNames.UP_SAMPLING;
import static dev.deepwire.processor.AnnotationNames.ZERO_PADDING;
import static dev.deepwire.processor.AnnotationNames.CONCATENATE;
import static dev.deepwire.processor.AnnotationNames.DENSE;
import static dev.deepwire.processor.AnnotationNames.DROPOUT;
import static dev.deepwire.processor.AnnotationNames.FLATTEN;
import static dev.deepwire.processor.AnnotationNames.INPUT;
import static dev.deepwire.processor.AnnotationNames.RESHAPE;

import dev.deepwire.processor.model.LayerConfig;
import dev.deepwire.processor.model.OutputConfig;
import javax.lang.model.element.AnnotationMirror;

/** Turns a layer annotation's mirror into its {@link LayerConfig}. */
final class LayerConfigs {

  private LayerConfigs() {}

  static LayerConfig of(String annotationName, AnnotationMirror mirror) {
    AnnotationReader r = new AnnotationReader(mirror);
    return switch (annotationName) {
      case INPUT -> new LayerConfig.InputLayer(r.ints("shape"), r.enumName("dtype"));
      case DENSE -> new LayerConfig.DenseLayer(r.intValue("units"), r.enumName("activation"), r.doubleValue("alpha"),
          r.boolValue("useBias"), r.enumName("kernelInitializer"), r.enumName("biasInitializer"),
          r.doubleValue("kernelL1"), r.doubleValue("kernelL2"));
      case DROPOUT -> new LayerConfig.DropoutLayer(r.doubleValue("value"));
      case FLATTEN -> new LayerConfig.FlattenLayer();
      case RESHAPE -> new LayerConfig.ReshapeLayer(r.ints("value"));
      case ACTIVATION -> new LayerConfig.ActivationLayer(r.enumName("value"), r.doubleValue("alpha"));
      case CONCATENATE -> new LayerConfig.ConcatenateLayer();
      case ADD -> new LayerConfig.AddLayer();
      case CONV -> new LayerConfig.ConvLayer(r.intValue("filters"), r.ints("kernel"), r.ints("strides"),
          r.enumName("padding"), r.ints("dilation"), r.enumName("activation"), r.doubleValue("alpha"),
          r.boolValue("useBias"), r.enumName("kernelInitializer"), r.enumName("biasInitializer"));
      case CONV_TRANSPOSE -> new LayerConfig.ConvTransposeLayer(r.intValue("filters"), r.ints("kernel"),
          r.ints("strides"), r.enumName("padding"), r.enumName("activation"), r.doubleValue("alpha"),
          r.boolValue("useBias"), r.enumName("kernelInitializer"), r.enumName("biasInitializer"));
      case MAX_POOL, AVG_POOL -> new LayerConfig.PoolLayer(annotationName.equals(MAX_POOL) ? "MAX" : "AVG",
          r.ints("value"), r.ints("strides"), r.enumName("padding"));
      case GLOBAL_MAX_POOL -> new LayerConfig.GlobalPoolLayer("MAX");
      case GLOBAL_AVG_POOL -> new LayerConfig.GlobalPoolLayer("AVG");
      case BATCH_NORM -> new LayerConfig.BatchNormLayer(r.doubleValue("momentum"), r.doubleValue("epsilon"));
      case ZERO_PADDING -> new LayerConfig.ZeroPaddingLayer(r.ints("value"));
      case UP_SAMPLING -> new LayerConfig.UpSamplingLayer(r.ints("value"));
      case SPATIAL_DROPOUT -> new LayerConfig.SpatialDropoutLayer(r.doubleValue("value"));
      case SIMPLE_RNN -> new LayerConfig.RecurrentLayer("SIMPLE_RNN", r.intValue("units"), r.enumName("activation"),
          "SIGMOID", r.boolValue("returnSequences"), r.boolValue("useBias"), false, false, "",
          r.boolValue("returnState"), r.intValue("truncate"));
      case LSTM -> new LayerConfig.RecurrentLayer("LSTM", r.intValue("units"), r.enumName("activation"),
          r.enumName("recurrentActivation"), r.boolValue("returnSequences"), r.boolValue("useBias"),
          r.boolValue("unitForgetBias"), false, "", r.boolValue("returnState"), r.intValue("truncate"));
      case GRU -> new LayerConfig.RecurrentLayer("GRU", r.intValue("units"), r.enumName("activation"),
          r.enumName("recurrentActivation"), r.boolValue("returnSequences"), r.boolValue("useBias"), false,
          r.boolValue("resetAfter"), "", r.boolValue("returnState"), r.intValue("truncate"));
      case FINAL_STATE -> new LayerConfig.FinalStateLayer(r.intValue("value"));
      case EMBEDDING -> new LayerConfig.EmbeddingLayer(r.intValue("vocabulary"), r.intValue("dimension"),
          r.boolValue("maskZero"));
      case MASKING -> new LayerConfig.MaskingLayer(r.doubleValue("value"));
      case SEQUENCE_DECODER -> new LayerConfig.SequenceDecoderLayer(r.intValue("vocabulary"), r.intValue("embedding"),
          r.intValue("units"), r.enumName("cell"), r.enumName("attention"), r.intValue("attentionUnits"));
      case TRANSFORMER_DECODER -> new LayerConfig.TransformerDecoderLayer(r.intValue("vocabulary"),
          r.intValue("units"), r.intValue("layers"), r.intValue("heads"), r.intValue("feedForward"),
          r.doubleValue("dropout"));
      case LAYER_NORM -> new LayerConfig.LayerNormLayer(r.doubleValue("epsilon"));
      case POSITIONAL_EMBEDDING -> new LayerConfig.PositionalEmbeddingLayer(r.enumName("value"));
      case MULTI_HEAD_ATTENTION -> new LayerConfig.MultiHeadAttentionLayer(r.intValue("heads"), r.intValue("keyDim"),
          r.doubleValue("dropout"), r.boolValue("causal"));
      case TRANSFORMER_ENCODER -> new LayerConfig.TransformerEncoderLayer(r.intValue("layers"), r.intValue("heads"),
          r.intValue("feedForward"), r.doubleValue("dropout"), r.boolValue("preNorm"), r.enumName("activation"),
          r.doubleValue("epsilon"));
      case POOL_TOKENS -> new LayerConfig.PoolTokensLayer(r.enumName("value"));
      case MASKED_LM_HEAD -> new LayerConfig.MaskedLmHeadLayer(r.string("tiedTo"), r.doubleValue("epsilon"));
      case SAMPLE -> new LayerConfig.SampleLayer(r.doubleValue("klWeight"));
      case GAUSSIAN_NOISE -> new LayerConfig.NoiseLayer("GAUSSIAN", r.doubleValue("value"));
      case MASKING_NOISE -> new LayerConfig.NoiseLayer("MASKING", r.doubleValue("value"));
      case ACTIVITY_REGULARIZATION -> new LayerConfig.ActivityRegularizationLayer(r.doubleValue("l1"),
          r.doubleValue("sparsityTarget"), r.doubleValue("sparsityWeight"));
      case PRIMARY_CAPS -> new LayerConfig.PrimaryCapsLayer(r.intValue("channels"), r.intValue("dimension"),
          r.intValue("kernel"), r.intValue("strides"));
      case CAPSULES -> new LayerConfig.CapsulesLayer(r.intValue("count"), r.intValue("dimension"),
          r.intValue("routing"));
      case CAPSULE_LENGTH -> new LayerConfig.CapsuleLengthLayer();
      case CAPSULE_MASK -> new LayerConfig.CapsuleMaskLayer();
      case DISTANCE -> new LayerConfig.DistanceLayer(r.enumName("value"), r.doubleValue("margin"));
      default -> throw new IllegalArgumentException("not a layer annotation: " + annotationName);
    };
  }

  /** The merge of a {@code @Bidirectional} modifier. */
  static String merge(AnnotationMirror mirror) {
    return new AnnotationReader(mirror).enumName("merge");
  }

  static OutputConfig output(AnnotationMirror mirror) {
    AnnotationReader r = new AnnotationReader(mirror);
    return new OutputConfig(r.enumName("loss"), r.string("target"), r.doubleValue("weight"), mirror);
  }
}
