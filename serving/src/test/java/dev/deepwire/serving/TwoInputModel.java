package dev.deepwire.serving;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.layers.Concatenate;
import dev.deepwire.runtime.layers.Dense;
import dev.deepwire.runtime.layers.LayerScope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A hand-written two-input, two-output ModelGraph: a float [3] and an int [2] → 8 relu → score [1], odds [2]. */
final class TwoInputModel implements ModelGraph<TwoInputModel> {

  @Override
  public ModelSignature signature() {
    return ModelSignature.builder("TwoInput")
        .input("a", DType.FLOAT32, 3)
        .input("b", DType.INT32, 2)
        .output("score", Loss.MSE, "score", 1.0, 1)
        .output("odds", Loss.MSE, "odds", 1.0, 2)
        .build();
  }

  @Override
  public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
    Operand<TFloat32> joined = new Concatenate().call(scope.child("joined"), inputs.get("a"), inputs.get("b"));
    Operand<TFloat32> hidden = Dense.withUnits(8).activation(ActivationFunction.TANH).build()
        .call(scope.child("hidden"), joined);
    Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
    outputs.put("score", Dense.withUnits(1).build().call(scope.child("score"), hidden));
    outputs.put("odds", Dense.withUnits(2).activation(ActivationFunction.SOFTMAX).build()
        .call(scope.child("odds"), hidden));
    return outputs;
  }
}
