package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.Metric;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.data.Dataset;
import dev.deepwire.runtime.layers.BatchNorm;
import dev.deepwire.runtime.layers.Dense;
import dev.deepwire.runtime.layers.LayerScope;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Batch normalisation inside a trained model: its moving averages follow the train steps and are saved. */
class BatchNormTrainingTest {

  /** 2 features → batch norm → 8 relu → 2 softmax, shaped like generated code. */
  private static final class NormalisedBlobs implements ModelGraph<NormalisedBlobs> {
    @Override
    public ModelSignature signature() {
      return ModelSignature.builder("NormalisedBlobs")
          .input("point", DType.FLOAT32, 2)
          .output("label", Loss.SPARSE_CATEGORICAL_CROSSENTROPY, "label", 1.0, 2)
          .optimizer(OptimizerType.ADAM, 0.05)
          .metrics(Metric.ACCURACY)
          .build();
    }

    @Override
    public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
      Operand<TFloat32> shifted = scope.tf().math.add(inputs.get("point"), scope.tf().constant(5f));
      Operand<TFloat32> bn = new BatchNorm(0.9, 1e-3).call(scope.child("bn"), shifted);
      Operand<TFloat32> hidden = Dense.withUnits(8).activation(ActivationFunction.RELU).build()
          .call(scope.child("hidden"), bn);
      return Map.of("label", Dense.withUnits(2).activation(ActivationFunction.SOFTMAX).build()
          .call(scope.child("label"), hidden));
    }
  }

  @Test
  void movingAveragesFollowTrainingAndAreCheckpointed() {
    Dataset train = TwoBlobsModel.blobs(400, 1);
    Dataset test = TwoBlobsModel.blobs(200, 2);
    try (CompiledModel<NormalisedBlobs> model = CompiledModel.compile(new NormalisedBlobs(), new RuntimeOptions(7, 2, 1))) {
      model.trainer().fit(train, FitOptions.builder().epochs(3).batchSize(32).progressBar(false).build());
      Map<String, float[]> values = Checkpoints.capture(model, Map.of()).values();
      // The inputs are shifted by 5 around a mean of 0: after 39 steps at momentum 0.9 the moving mean is near 5.
      float[] mean = values.get("bn.moving_mean");
      float[] variance = values.get("bn.moving_variance");
      assertEquals(2, mean.length, "" + values.keySet());
      for (int i = 0; i < 2; i++) {
        assertEquals(5.0, mean[i], 0.3, "moving mean " + i);
        assertTrue(variance[i] > 0.8 && variance[i] < 2.0, "moving variance " + i + " = " + variance[i]);
      }
      // Inference uses the moving statistics and still separates the blobs.
      assertTrue(model.evaluator().evaluate(test).get("accuracy") > 0.9);
    }
  }
}
