package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Misuses of the convolutional layers: javac errors with inferred shapes, on the offending line. */
class SpatialMisuseTest {

  /** Compiles {@code Net} (plus {@code others} as "Name:body" pairs) and expects {@code message} on {@code line}. */
  private static void assertError(String net, String message, String line, String... others) {
    JavaFileObject src = Sources.source("Net", net);
    List<JavaFileObject> all = new ArrayList<>(List.of(src));
    for (String other : others) {
      all.add(Sources.source(other.substring(0, other.indexOf(':')), other.substring(other.indexOf(':') + 1)));
    }
    Compilation compilation = Sources.compile(all.toArray(JavaFileObject[]::new));
    assertThat(compilation).hadErrorContaining(message).inFile(src).onLineContaining(line);
  }

  @Test
  void convOnFlatInputSuggestsReshape() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        class Net {
          @Input(shape = 784) Tensor pixels;
          @Conv(filters = 32, kernel = 3) Tensor c1;
          @Flatten Tensor flat;
          @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
        }
        """, "[Shape.rank] @Conv on 'c1' needs a rank-3 to 5 input [batch, spatial..., channels], but 'pixels' is"
        + " [batch, 784]; add @Reshape({28, 28, 1}) before it.", "Tensor c1");
  }

  @Test
  void kernelLargerThanInputAfterPooling() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        class Net {
          @Input(shape = {12, 12, 1}) Tensor image;
          @Conv(filters = 8, kernel = 3) Tensor c1;
          @MaxPool(4) Tensor p1;
          @Conv(filters = 8, kernel = 3) Tensor c2;
          @Flatten Tensor flat;
          @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
        }
        """, "[Conv.kernel] @Conv on 'c2' needs a kernel no larger than its input, but found a 3 x 3 kernel on 'p1'"
        + " [batch, 2, 2, 8] (spatial 2 x 2) with padding = VALID. Use a smaller kernel, padding = SAME, or less"
        + " downsampling before it.", "@Conv(filters = 8, kernel = 3) Tensor c2");
  }

  @Test
  void dilatedKernelCountsItsSpan() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {8, 2}) Tensor series;
          @Conv(filters = 4, kernel = 3, dilation = 4) Tensor c1;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Conv.kernel] @Conv on 'c1' needs a kernel no larger than its input, but found a 9 kernel on 'series'"
        + " [batch, 8, 2] (spatial 8) with padding = VALID.", "dilation = 4");
  }

  @Test
  void nonPositiveFiltersKernelAndStrides() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {8, 8, 1}) Tensor image;
          @Conv(filters = 0, kernel = 3) Tensor c1;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Conv.filters] @Conv on 'c1' needs filters >= 1, but found filters = 0. Use a positive number of"
        + " filters.", "filters = 0");
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {8, 8, 1}) Tensor image;
          @Conv(filters = 4,
                kernel = {3, 0}) Tensor c1;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Conv.kernel] @Conv on 'c1' needs kernel >= 1, but found kernel = {3, 0}. Use positive values.",
        "kernel = {3, 0}");
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {8, 8, 1}) Tensor image;
          @Conv(filters = 4, kernel = 3,
                strides = -1) Tensor c1;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Conv.strides] @Conv on 'c1' needs strides >= 1, but found strides = {-1}. Use positive values.",
        "strides = -1");
  }

  @Test
  void kernelWithTheWrongNumberOfDimensions() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {28, 28, 1}) Tensor image;
          @Conv(filters = 4, kernel = {3, 3, 3}) Tensor c1;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Conv.kernel] @Conv on 'c1' needs 1 or 2 values of kernel for its 2D input 'image' [batch, 28, 28, 1],"
        + " but found kernel = {3, 3, 3}. Give one value, or one per spatial dimension.", "kernel = {3, 3, 3}");
  }

  @Test
  void poolingWindowLargerThanInput() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {6, 6, 3}) Tensor image;
          @Conv(filters = 4, kernel = 3) Tensor c1;
          @AvgPool(5) Tensor p1;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Pool.window] @AvgPool on 'p1' needs a window no larger than its input, but found a 5 x 5 window on"
        + " 'c1' [batch, 4, 4, 4] (spatial 4 x 4) with padding = VALID. Use a smaller window, padding = SAME, or"
        + " remove this pooling.", "@AvgPool(5)");
  }

  @Test
  void poolingOnFlatFeatures() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 10) Tensor x;
          @MaxPool(2) Tensor p;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Shape.rank] @MaxPool on 'p' needs a rank-3 to 5 input [batch, spatial..., channels], but 'x' is"
        + " [batch, 10]; add @Reshape({10, 1}) before it.", "@MaxPool(2)");
  }

  @Test
  void globalPoolingNeedsSpatialDimensions() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 10) Tensor x;
          @GlobalAvgPool Tensor g;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Shape.rank] @GlobalAvgPool on 'g' needs an input with spatial dimensions [batch, spatial..., channels],"
        + " but 'x' is [batch, 10]; add @Reshape({10, 1}) before it.", "@GlobalAvgPool");
  }

  @Test
  void convTransposeNeedsAnImage() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {16, 4}) Tensor series;
          @ConvTranspose(filters = 2, kernel = 3) Tensor up;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Shape.rank] @ConvTranspose on 'up' needs a rank-4 input [batch, height, width, channels], but 'series'"
        + " is [batch, 16, 4]; add @Reshape({16, 4, 1}) before it.", "@ConvTranspose");
  }

  @Test
  void batchNormSettings() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {4, 4, 2}) Tensor image;
          @BatchNorm(momentum = 1.0) Tensor bn;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[BatchNorm.momentum] @BatchNorm on 'bn' needs a momentum in [0, 1), but found momentum = 1.0. Use a"
        + " decay such as 0.99.", "momentum = 1.0");
  }

  @Test
  void spatialDropoutAndPaddingSettings() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {4, 4, 2}) Tensor image;
          @SpatialDropout(1.5) Tensor drop;
          @ZeroPadding(-1) Tensor padded;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[SpatialDropout.rate] @SpatialDropout on 'drop' needs a rate in [0, 1), but found value = 1.5. Use a"
        + " drop probability such as 0.2.", "@SpatialDropout(1.5)");
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {4, 4, 2}) Tensor image;
          @ZeroPadding(-1) Tensor padded;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[ZeroPadding.value] @ZeroPadding on 'padded' needs values >= 0, but found value = {-1}. Use non-negative"
        + " values.", "@ZeroPadding(-1)");
  }

  @Test
  void zeroPaddingTakesAtMostFourSpatialDimensions() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {1, 1, 1, 1, 1, 5}) Tensor volume;
          @ZeroPadding(1) Tensor padded;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Shape.rank] @ZeroPadding on 'padded' needs a rank-3 to 6 input [batch, spatial..., channels], but"
        + " 'volume' is [batch, 1, 1, 1, 1, 1, 5]; reshape or pool it first.", "@ZeroPadding(1)");
  }

  @Test
  void subModelChannelMismatch() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {28, 28, 3}) Tensor rgb();
          GreyFeatures features(Tensor rgb);
          @Output @Dense(units = 1) Tensor y(Tensor features);
        }
        """, "[SubModel.shape] Sub-model GreyFeatures on 'features' needs input 'image' shaped [batch, 28, 28, 1], but"
        + " 'rgb' is [batch, 28, 28, 3]. Reshape or project it first.", "GreyFeatures features", """
        GreyFeatures:@Model
        interface GreyFeatures {
          @Input(shape = {28, 28, 1}) Tensor image();
          @Conv(filters = 8, kernel = 3, activation = RELU) Tensor c(Tensor image);
          @Output @GlobalMaxPool Tensor code(Tensor c);
        }
        """);
  }
}
