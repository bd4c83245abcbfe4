package dev.deepwire.processor.write;

import static dev.deepwire.processor.TypeNames.ACTIVATION_FUNCTION;
import static dev.deepwire.processor.TypeNames.BATCH_NORM;
import static dev.deepwire.processor.TypeNames.CONV;
import static dev.deepwire.processor.TypeNames.CONV_TRANSPOSE;
import static dev.deepwire.processor.TypeNames.GLOBAL_POOLING;
import static dev.deepwire.processor.TypeNames.INITIALIZER;
import static dev.deepwire.processor.TypeNames.PADDING;
import static dev.deepwire.processor.TypeNames.POOLING;
import static dev.deepwire.processor.TypeNames.POOLING_KIND;
import static dev.deepwire.processor.TypeNames.SPATIAL_DROPOUT;
import static dev.deepwire.processor.TypeNames.UP_SAMPLING;
import static dev.deepwire.processor.TypeNames.ZERO_PADDING;

import com.palantir.javapoet.CodeBlock;
import dev.deepwire.processor.model.LayerConfig;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the runtime layer object of a spatial layer (convolution, pooling, ...), ready for {@code .call}. */
final class SpatialLayerCalls {

  private SpatialLayerCalls() {}

  static CodeBlock of(LayerConfig layer) {
    if (layer instanceof LayerConfig.ConvLayer conv) {
      CodeBlock.Builder b = CodeBlock.builder().add("$T.withFilters($L).kernel($L)", CONV, conv.filters(),
          ints(conv.kernel()));
      if (!conv.strides().equals(List.of(1))) {
        b.add(".strides($L)", ints(conv.strides()));
      }
      if (!conv.dilation().equals(List.of(1))) {
        b.add(".dilation($L)", ints(conv.dilation()));
      }
      common(b, conv.padding(), conv.activation(), conv.alpha(), conv.useBias(), conv.kernelInitializer(),
          conv.biasInitializer());
      return b.add(".build()").build();
    } else if (layer instanceof LayerConfig.ConvTransposeLayer t) {
      CodeBlock.Builder b = CodeBlock.builder().add("$T.withFilters($L).kernel($L)", CONV_TRANSPOSE, t.filters(),
          ints(t.kernel()));
      if (!t.strides().equals(List.of(1))) {
        b.add(".strides($L)", ints(t.strides()));
      }
      common(b, t.padding(), t.activation(), t.alpha(), t.useBias(), t.kernelInitializer(), t.biasInitializer());
      return b.add(".build()").build();
    } else if (layer instanceof LayerConfig.PoolLayer pool) {
      if (pool.strides().isEmpty() && pool.padding().equals("VALID")) {
        return CodeBlock.of("$T.$L($L)", POOLING, pool.kind().toLowerCase(java.util.Locale.ROOT), ints(pool.window()));
      }
      return CodeBlock.of("new $T($T.$L, new int[] {$L}, new int[] {$L}, $T.$L)", POOLING, POOLING_KIND, pool.kind(),
          ints(pool.window()), ints(pool.strides()), PADDING, pool.padding());
    } else if (layer instanceof LayerConfig.GlobalPoolLayer global) {
      return CodeBlock.of("new $T($T.$L)", GLOBAL_POOLING, POOLING_KIND, global.kind());
    } else if (layer instanceof LayerConfig.BatchNormLayer bn) {
      return CodeBlock.of("new $T($L, $L)", BATCH_NORM, LayerCalls.literal(bn.momentum()),
          LayerCalls.literal(bn.epsilon()));
    } else if (layer instanceof LayerConfig.ZeroPaddingLayer pad) {
      return CodeBlock.of("new $T($L)", ZERO_PADDING, ints(pad.padding()));
    } else if (layer instanceof LayerConfig.UpSamplingLayer up) {
      return CodeBlock.of("new $T($L)", UP_SAMPLING, ints(up.factors()));
    } else if (layer instanceof LayerConfig.SpatialDropoutLayer drop) {
      return CodeBlock.of("new $T($L)", SPATIAL_DROPOUT, LayerCalls.literal(drop.rate()));
    }
    throw new IllegalArgumentException("not a spatial layer: " + layer);
  }

  /** The builder calls for settings that differ from the annotations' defaults. */
  private static void common(CodeBlock.Builder b, String padding, String activation, double alpha, boolean useBias,
      String kernelInitializer, String biasInitializer) {
    if (!padding.equals("VALID")) {
      b.add(".padding($T.$L)", PADDING, padding);
    }
    if (!activation.equals("LINEAR")) {
      b.add(".activation($T.$L)", ACTIVATION_FUNCTION, activation);
    }
    if (alpha != 0.2) {
      b.add(".alpha($L)", LayerCalls.literal(alpha));
    }
    if (!useBias) {
      b.add(".useBias(false)");
    }
    if (!kernelInitializer.equals("GLOROT_UNIFORM")) {
      b.add(".kernelInitializer($T.$L)", INITIALIZER, kernelInitializer);
    }
    if (!biasInitializer.equals("ZEROS")) {
      b.add(".biasInitializer($T.$L)", INITIALIZER, biasInitializer);
    }
  }

  private static String ints(List<Integer> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
