package dev.deepwire.processor.parse;

import static dev.deepwire.processor.AnnotationNames.ACTIVATION;
import static dev.deepwire.processor.AnnotationNames.ADD;
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
      default -> throw new IllegalArgumentException("not a layer annotation: " + annotationName);
    };
  }

  static OutputConfig output(AnnotationMirror mirror) {
    AnnotationReader r = new AnnotationReader(mirror);
    return new OutputConfig(r.enumName("loss"), r.string("target"), r.doubleValue("weight"), mirror);
  }
}
