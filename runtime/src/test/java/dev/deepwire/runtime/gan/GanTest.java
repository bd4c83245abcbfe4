package dev.deepwire.runtime.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.annotations.ActivationFunction;
import dev.deepwire.annotations.DType;
import dev.deepwire.annotations.Loss;
import dev.deepwire.annotations.OptimizerType;
import dev.deepwire.runtime.ModelGraph;
import dev.deepwire.runtime.ModelSignature;
import dev.deepwire.runtime.RuntimeOptions;
import dev.deepwire.runtime.layers.Dense;
import dev.deepwire.runtime.layers.LayerScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** Each side's update touches only its own weights; a small GAN learns a 1D two-peak distribution's mean. */
class GanTest {

  /** Noise 4 → 16 relu → 2 linear, shaped like generated code. */
  static final class Generator implements ModelGraph<Generator> {
    @Override
    public ModelSignature signature() {
      return ModelSignature.builder("Generator").input("z", DType.FLOAT32, 4)
          .output("x", Loss.NONE, "x", 1.0, 2).optimizer(OptimizerType.ADAM, 0.002).build();
    }

    @Override
    public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
      Operand<TFloat32> h = Dense.withUnits(16).activation(ActivationFunction.RELU).build()
          .call(scope.child("h"), inputs.get("z"));
      return Map.of("x", Dense.withUnits(2).build().call(scope.child("x"), h));
    }
  }

  /** 2 → 16 leaky relu → 1 sigmoid. */
  static final class Discriminator implements ModelGraph<Discriminator> {
    @Override
    public ModelSignature signature() {
      return ModelSignature.builder("Discriminator").input("x", DType.FLOAT32, 2)
          .output("real", Loss.BINARY_CROSSENTROPY, "real", 1.0, 1).optimizer(OptimizerType.SGD, 0.02).build();
    }

    @Override
    public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
      Operand<TFloat32> h = Dense.withUnits(16).activation(ActivationFunction.LEAKY_RELU).build()
          .call(scope.child("h"), inputs.get("x"));
      return Map.of("real", Dense.withUnits(1).activation(ActivationFunction.SIGMOID).build()
          .call(scope.child("real"), h));
    }
  }

  private static float[][] real(int n, long seed) {
    Random random = new Random(seed);
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new float[] {(float) (3 + 0.3 * random.nextGaussian()), (float) (-2 + 0.3 * random.nextGaussian())};
    }
    return rows;
  }

  private static void assertSame(Map<String, float[]> before, Map<String, float[]> after, String side) {
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, values) -> assertArrayEquals(values, after.get(name), 0f, side + " weight " + name));
  }

  private static boolean anyChanged(Map<String, float[]> before, Map<String, float[]> after) {
    return before.keySet().stream().anyMatch(name -> !Arrays.equals(before.get(name), after.get(name)));
  }

  @Test
  void eachSideUpdatesOnlyItsOwnWeights() {
    try (Gan<Generator, Discriminator> gan =
        Gan.compile(new Generator(), new Discriminator(), RuntimeOptions.defaults())) {
      assertEquals(List.of("generator.h.kernel", "generator.h.bias", "generator.x.kernel", "generator.x.bias"),
          new ArrayList<>(gan.generatorWeights().keySet()));
      assertEquals(4, gan.discriminatorWeights().size());

      Map<String, float[]> g0 = gan.generatorWeights();
      Map<String, float[]> d0 = gan.discriminatorWeights();
      gan.trainDiscriminator(real(32, 1), gan.noise(32, 2));
      Map<String, float[]> g1 = gan.generatorWeights();
      Map<String, float[]> d1 = gan.discriminatorWeights();
      assertSame(g0, g1, "generator, after a discriminator step:");
      assertTrue(anyChanged(d0, d1), "the discriminator step changed no discriminator weight");

      gan.trainGenerator(gan.noise(32, 3));
      Map<String, float[]> g2 = gan.generatorWeights();
      Map<String, float[]> d2 = gan.discriminatorWeights();
      assertSame(d1, d2, "discriminator, after a generator step:");
      assertTrue(anyChanged(g1, g2), "the generator step changed no generator weight");
      g2.values().forEach(v -> {
        for (float x : v) {
          assertFalse(Float.isNaN(x));
        }
      });
    }
  }

  @Test
  void aDiscriminatorThatTakesOtherExamplesIsRefused() {
    ModelGraph<Generator> wide = new ModelGraph<>() {
      @Override
      public ModelSignature signature() {
        return ModelSignature.builder("Wide").input("z", DType.FLOAT32, 4).output("x", Loss.NONE, "x", 1.0, 3).build();
      }

      @Override
      public Map<String, Operand<TFloat32>> forward(LayerScope scope, Map<String, Operand<TFloat32>> inputs) {
        return Map.of("x", Dense.withUnits(3).build().call(scope.child("x"), inputs.get("z")));
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gan.compile(wide, new Discriminator(), RuntimeOptions.defaults()).close());
    assertEquals("the discriminator Discriminator takes [2] but the generator Wide makes [3]; make them agree",
        e.getMessage());
  }

  @Test
  void generatedMeanMovesToTheRealMean() {
    try (Gan<Generator, Discriminator> gan =
        Gan.compile(new Generator(), new Discriminator(), RuntimeOptions.defaults())) {
      List<GanEpoch> seen = new ArrayList<>();
      gan.fit(real(2048, 5), new GanOptions(20, 64, 1, 1, 7), seen::add);
      assertEquals(20, seen.size());
      float[][] samples = gan.generate(gan.noise(1000, 11));
      double mean0 = Arrays.stream(samples).mapToDouble(s -> s[0]).average().orElseThrow();
      double mean1 = Arrays.stream(samples).mapToDouble(s -> s[1]).average().orElseThrow();
      assertEquals(3, mean0, 0.5, "generated mean of x0 " + seen);
      assertEquals(-2, mean1, 0.5, "generated mean of x1 " + seen);
    }
  }
}
