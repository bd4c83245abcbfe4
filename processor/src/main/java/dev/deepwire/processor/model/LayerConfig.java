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
