package dev.deepwire.processor.write;

import static dev.deepwire.processor.TypeNames.CAPSULES;
import static dev.deepwire.processor.TypeNames.CAPSULE_LENGTH;
import static dev.deepwire.processor.TypeNames.CAPSULE_MASK;
import static dev.deepwire.processor.TypeNames.DISTANCE;
import static dev.deepwire.processor.TypeNames.DISTANCE_KIND;
import static dev.deepwire.processor.TypeNames.PRIMARY_CAPS;

import com.palantir.javapoet.CodeBlock;
import dev.deepwire.processor.model.LayerConfig;

/** Writes the runtime layer object of a capsule or distance layer, ready for {@code .call}. */
final class CapsuleLayerCalls {

  /** {@code @Distance}'s default margin, which the runtime layer's one-argument constructor implies. */
  private static final double DEFAULT_MARGIN = 1.0;

  private CapsuleLayerCalls() {}

  static boolean handles(LayerConfig layer) {
    return layer instanceof LayerConfig.PrimaryCapsLayer || layer instanceof LayerConfig.CapsulesLayer
        || layer instanceof LayerConfig.CapsuleLengthLayer || layer instanceof LayerConfig.CapsuleMaskLayer
        || layer instanceof LayerConfig.DistanceLayer;
  }

  static CodeBlock of(LayerConfig layer) {
    if (layer instanceof LayerConfig.PrimaryCapsLayer p) {
      return CodeBlock.of("new $T($L, $L, $L, $L)", PRIMARY_CAPS, p.channels(), p.dimension(), p.kernel(),
          p.strides());
    } else if (layer instanceof LayerConfig.CapsulesLayer c) {
      return CodeBlock.of("new $T($L, $L, $L)", CAPSULES, c.count(), c.dimension(), c.routing());
    } else if (layer instanceof LayerConfig.CapsuleLengthLayer) {
      return CodeBlock.of("new $T()", CAPSULE_LENGTH);
    } else if (layer instanceof LayerConfig.CapsuleMaskLayer) {
      return CodeBlock.of("new $T()", CAPSULE_MASK);
    } else if (layer instanceof LayerConfig.DistanceLayer d) {
      return d.margin() == DEFAULT_MARGIN ? CodeBlock.of("new $T($T.$L)", DISTANCE, DISTANCE_KIND, d.kind())
          : CodeBlock.of("new $T($T.$L, $L)", DISTANCE, DISTANCE_KIND, d.kind(), LayerCalls.literal(d.margin()));
    }
    throw new IllegalArgumentException("not a capsule or distance layer: " + layer);
  }
}
