package dev.deepwire.processor.write;

import static dev.deepwire.processor.TypeNames.ACTIVITY_REGULARIZATION;
import static dev.deepwire.processor.TypeNames.GAUSSIAN_NOISE;
import static dev.deepwire.processor.TypeNames.MASKING_NOISE;
import static dev.deepwire.processor.TypeNames.SAMPLE;

import com.palantir.javapoet.CodeBlock;
import dev.deepwire.processor.model.LayerConfig;

/** Writes the runtime layer object of an autoencoder layer (sample, noise, activity penalty), ready for {@code .call}. */
final class GenerativeLayerCalls {

  private GenerativeLayerCalls() {}

  static CodeBlock of(LayerConfig layer) {
    if (layer instanceof LayerConfig.SampleLayer sample) {
      return CodeBlock.of("new $T($L)", SAMPLE, LayerCalls.literal(sample.klWeight()));
    } else if (layer instanceof LayerConfig.NoiseLayer noise) {
      return CodeBlock.of("new $T($L)", noise.kind().equals("GAUSSIAN") ? GAUSSIAN_NOISE : MASKING_NOISE,
          LayerCalls.literal(noise.amount()));
    } else if (layer instanceof LayerConfig.ActivityRegularizationLayer reg) {
      return CodeBlock.of("new $T($L, $L, $L)", ACTIVITY_REGULARIZATION, LayerCalls.literal(reg.l1()),
          LayerCalls.literal(reg.sparsityTarget()), LayerCalls.literal(reg.sparsityWeight()));
    }
    throw new IllegalArgumentException("not an autoencoder layer: " + layer);
  }
}
