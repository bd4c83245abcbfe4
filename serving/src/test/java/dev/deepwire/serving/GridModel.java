package dev.deepwire.serving;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.layers.Dense;
import dev.deepwire.runtime.layers.Flatten;
import dev.deepwire.runtime.layers.LayerScope;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A hand-written single-input ModelGraph: a [2, 2] grid → flatten → 3 softmax classes. */
final class GridModel implements ModelGraph<GridModel> {

  @Override
  public ModelSignature signature() {
    return ModelSignature.builder("Grid")
        .input("grid", DType.FLOAT32, 2, 2)
        .output("label", Loss.SPARSE_CATEGORICAL_CROSSENTROPY, "label", 1.0, 3)
        .build();
  }

  @Override
  public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
    Operand<TFloat32> flat = new Flatten().call(scope.child("flat"), inputs.get("grid"));
    return Map.of("label", Dense.withUnits(3).activation(ActivationFunction.SOFTMAX).build()
        .call(scope.child("label"), flat));
  }
}
