package dev.deepwire.runtime;

import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.OptimizerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a model takes and returns, and how it is trained: the part of a {@code @Model} declaration the
 * runtime needs besides the forward pass. Shapes exclude the batch dimension.
 */
public record ModelSignature(
    String name,
    List<InputSpec> inputs,
    List<OutputSpec> outputs,
    OptimizerSettings optimizer,
    List<Metric> metrics) {

  public ModelSignature {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    metrics = List.copyOf(metrics);
  }

  /** A model input, fed from the data column of the same name. */
  public record InputSpec(String name, DType dtype, int[] shape) {
    public InputSpec {
      shape = shape.clone();
    }

    /** Elements per example. */
    public int size() {
      return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof InputSpec other
          && name.equals(other.name) && dtype == other.dtype && Arrays.equals(shape, other.shape);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return name + Arrays.toString(shape) + ":" + dtype;
    }
  }

  /**
   * A model output.
   *
   * @param target the data column holding its targets, or the name of an input that is its own target
   * @param weight the factor of this output's loss in the total loss
   */
  public record OutputSpec(String name, int[] shape, Loss loss, String target, double weight) {
    public OutputSpec {
      shape = shape.clone();
    }

    /** Elements per example. */
    public int size() {
      return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OutputSpec other
          && name.equals(other.name) && Arrays.equals(shape, other.shape) && loss == other.loss
          && target.equals(other.target) && weight == other.weight;
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return name + Arrays.toString(shape) + ":" + loss;
    }
  }

  /** The optimizer's base learning rate. */
  public double learningRate() {
    return optimizer.learningRate();
  }

  /** The input called {@code name}, if any. */
  public Optional<InputSpec> input(String name) {
    return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The output called {@code name}, if any. */
  public Optional<OutputSpec> output(String name) {
    return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** Whether any output has a loss, i.e. whether the model can be trained. */
  public boolean trainable() {
    return outputs.stream().anyMatch(o -> o.loss() != Loss.NONE);
  }

  /** Starts a signature; generated code calls this. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Collects a signature in declaration order. */
  public static final class Builder {
    private final String name;
    private final List<InputSpec> inputs = new ArrayList<>();
    private final List<OutputSpec> outputs = new ArrayList<>();
    private OptimizerSettings optimizer = OptimizerSettings.of(OptimizerType.ADAM, 1e-3);
    private final List<Metric> metrics = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /** Adds an input of the given per-example shape. */
    public Builder input(String inputName, DType dtype, int... shape) {
      inputs.add(new InputSpec(inputName, dtype, shape));
      return this;
    }

    /** Adds an output whose targets come from {@code target} (a data column or an input name). */
    public Builder output(String outputName, Loss loss, String target, double weight, int... shape) {
      outputs.add(new OutputSpec(outputName, shape, loss, target, weight));
      return this;
    }

    /** Sets the optimizer. */
    public Builder optimizer(OptimizerType type, double rate) {
      return optimizer(OptimizerSettings.of(type, rate));
    }

    /** Sets the optimizer with hyper-parameters besides the rate. */
    public Builder optimizer(OptimizerSettings settings) {
      this.optimizer = settings;
      return this;
    }

    /** Sets the metrics reported besides the loss. */
    public Builder metrics(Metric... chosen) {
      metrics.addAll(Arrays.asList(chosen));
      return this;
    }

    public ModelSignature build() {
      return new ModelSignature(name, inputs, outputs, optimizer, metrics);
    }
  }
}
