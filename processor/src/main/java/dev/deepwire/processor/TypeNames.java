package dev.deepwire.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/** The runtime, TensorFlow and Guice types generated code names, so the processor never loads them. */
public final class TypeNames {

  private static final String ANNOTATIONS = "dev.deepwire.annotations";
  private static final String RUNTIME = "dev.deepwire.runtime";
  private static final String LAYERS = "dev.deepwire.runtime.layers";

  public static final ClassName ACTIVATION_FUNCTION = ClassName.get(ANNOTATIONS, "ActivationFunction");
  public static final ClassName ATTENTION_SCORE = ClassName.get(ANNOTATIONS, "AttentionScore");
  public static final ClassName DECODER_CELL = ClassName.get(ANNOTATIONS, "DecoderCell");
  public static final ClassName DTYPE = ClassName.get(ANNOTATIONS, "DType");
  public static final ClassName INITIALIZER = ClassName.get(ANNOTATIONS, "Initializer");
  public static final ClassName LOSS = ClassName.get(ANNOTATIONS, "Loss");
  public static final ClassName METRIC = ClassName.get(ANNOTATIONS, "Metric");
  public static final ClassName OPTIMIZER_SETTINGS = ClassName.get(RUNTIME, "OptimizerSettings");
  public static final ClassName OPTIMIZER_TYPE = ClassName.get(ANNOTATIONS, "OptimizerType");
  public static final ClassName PADDING = ClassName.get(ANNOTATIONS, "Padding");

  public static final ClassName MODEL_GRAPH = ClassName.get(RUNTIME, "ModelGraph");
  public static final ClassName MODEL_SIGNATURE = ClassName.get(RUNTIME, "ModelSignature");
  public static final ClassName MODEL_BINDINGS = ClassName.get(RUNTIME, "ModelBindings");

  public static final ClassName LAYER_SCOPE = ClassName.get(LAYERS, "LayerScope");
  public static final ClassName DENSE = ClassName.get(LAYERS, "Dense");
  public static final ClassName DROPOUT = ClassName.get(LAYERS, "Dropout");
  public static final ClassName FLATTEN = ClassName.get(LAYERS, "Flatten");
  public static final ClassName RESHAPE = ClassName.get(LAYERS, "Reshape");
  public static final ClassName ACTIVATION_LAYER = ClassName.get(LAYERS, "ActivationLayer");
  public static final ClassName CONCATENATE = ClassName.get(LAYERS, "Concatenate");
  public static final ClassName ADD = ClassName.get(LAYERS, "Add");
  public static final ClassName CONV = ClassName.get(LAYERS, "Conv");
  public static final ClassName CONV_TRANSPOSE = ClassName.get(LAYERS, "ConvTranspose");
  public static final ClassName POOLING = ClassName.get(LAYERS, "Pooling");
  public static final ClassName POOLING_KIND = POOLING.nestedClass("Kind");
  public static final ClassName GLOBAL_POOLING = ClassName.get(LAYERS, "GlobalPooling");
  public static final ClassName BATCH_NORM = ClassName.get(LAYERS, "BatchNorm");
  public static final ClassName ZERO_PADDING = ClassName.get(LAYERS, "ZeroPadding");
  public static final ClassName UP_SAMPLING = ClassName.get(LAYERS, "UpSampling");
  public static final ClassName SPATIAL_DROPOUT = ClassName.get(LAYERS, "SpatialDropout");
  public static final ClassName MERGE = ClassName.get(ANNOTATIONS, "Merge");
  public static final ClassName RECURRENT = ClassName.get(LAYERS, "Recurrent");
  public static final ClassName SIMPLE_RNN_CELL = ClassName.get(LAYERS, "SimpleRnnCell");
  public static final ClassName LSTM_CELL = ClassName.get(LAYERS, "LstmCell");
  public static final ClassName LAYER_NORM = ClassName.get(LAYERS, "LayerNorm");
  public static final ClassName POSITIONAL_EMBEDDING = ClassName.get(LAYERS, "PositionalEmbedding");
  public static final ClassName MULTI_HEAD_ATTENTION = ClassName.get(LAYERS, "MultiHeadAttention");
  public static final ClassName TRANSFORMER_ENCODER = ClassName.get(LAYERS, "TransformerEncoder");
  public static final ClassName POOL_TOKENS = ClassName.get(LAYERS, "PoolTokens");
  public static final ClassName MASKED_LM_HEAD = ClassName.get(LAYERS, "MaskedLmHead");
  public static final ClassName SEQUENCE_DECODER = ClassName.get(LAYERS, "SequenceDecoder");
  public static final ClassName TRANSFORMER_DECODER = ClassName.get(LAYERS, "TransformerDecoder");
  public static final ClassName GRU_CELL = ClassName.get(LAYERS, "GruCell");
  public static final ClassName BIDIRECTIONAL = ClassName.get(LAYERS, "Bidirectional");
  public static final ClassName EMBEDDING = ClassName.get(LAYERS, "Embedding");
  public static final ClassName MASKING = ClassName.get(LAYERS, "Masking");
  public static final ClassName FINAL_STATE = ClassName.get(LAYERS, "FinalState");
  public static final ClassName SAMPLE = ClassName.get(LAYERS, "Sample");
  public static final ClassName GAUSSIAN_NOISE = ClassName.get(LAYERS, "GaussianNoise");
  public static final ClassName MASKING_NOISE = ClassName.get(LAYERS, "MaskingNoise");
  public static final ClassName ACTIVITY_REGULARIZATION = ClassName.get(LAYERS, "ActivityRegularization");
  public static final ClassName CODES = ClassName.get(LAYERS, "Codes");

  public static final ClassName GAN = ClassName.get("dev.deepwire.runtime.gan", "Gan");
  public static final ClassName GAN_OPTIONS = ClassName.get("dev.deepwire.runtime.gan", "GanOptions");
  public static final ClassName RUNTIME_OPTIONS = ClassName.get("dev.deepwire.runtime", "RuntimeOptions");
  public static final ClassName PRIMARY_CAPS = ClassName.get(LAYERS, "PrimaryCaps");
  public static final ClassName CAPSULES = ClassName.get(LAYERS, "Capsules");
  public static final ClassName CAPSULE_LENGTH = ClassName.get(LAYERS, "CapsuleLength");
  public static final ClassName CAPSULE_MASK = ClassName.get(LAYERS, "CapsuleMask");
  public static final ClassName DISTANCE = ClassName.get(LAYERS, "Distance");
  public static final ClassName DISTANCE_KIND = ClassName.get(ANNOTATIONS, "DistanceKind");

  public static final ClassName OPERAND = ClassName.get("org.tensorflow", "Operand");
  public static final ClassName TFLOAT32 = ClassName.get("org.tensorflow.types", "TFloat32");
  public static final TypeName FLOAT_OPERAND = ParameterizedTypeName.get(OPERAND, TFLOAT32);

  public static final ClassName ABSTRACT_MODULE = ClassName.get("com.google.inject", "AbstractModule");
  public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  public static final ClassName MAP = ClassName.get("java.util", "Map");
  public static final ClassName LIST = ClassName.get("java.util", "List");
  public static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  public static final TypeName OPERAND_MAP =
      ParameterizedTypeName.get(MAP, ClassName.get(String.class), FLOAT_OPERAND);

  private TypeNames() {}
}
