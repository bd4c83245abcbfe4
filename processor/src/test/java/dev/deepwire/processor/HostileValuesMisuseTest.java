package dev.deepwire.processor;

import static dev.deepwire.processor.MisuseTest.assertError;

import org.junit.jupiter.api.Test;

/**
 * Values the random-model test found the processor crashing on, or writing into generated code that did not
 * compile: each is now a Deepwire error on the element.
 */
class HostileValuesMisuseTest {

  @Test
  void unresolvedConstantIsNotReadAsANumber() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {4, WIDTH}) Tensor x;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Model.unresolved] @Model 'Net' needs every annotation value resolved, but javac could not resolve some"
        + " of them. Fix the errors reported on those values first.", "@Model");
  }

  @Test
  void nanSlopeHasNoJavaLiteral() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          @Output @Dense(units = 1, activation = LEAKY_RELU, alpha = Double.NaN) Tensor y;
        }
        """, "[Dense.alpha] @Dense on 'y' needs a finite alpha, but found alpha = NaN. Use a slope such as 0.2.",
        "alpha = Double.NaN");
  }

  @Test
  void infiniteConvSlope() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {8, 8, 1}) Tensor x;
          @Conv(filters = 2, kernel = 3,
              alpha = Double.POSITIVE_INFINITY) Tensor c;
          @Flatten Tensor f;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Conv.alpha] @Conv on 'c' needs a finite alpha, but found alpha = Infinity. Use a slope such as 0.2.",
        "alpha = Double.POSITIVE_INFINITY");
  }

  @Test
  void nanMaskValue() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {5, 2}) Tensor x;
          @Masking(Double.NaN) Tensor masked;
          @LSTM(units = 3) Tensor h;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Masking.value] @Masking on 'masked' needs a finite value, but found value = NaN. Use the padding value of"
        + " the data, such as 0.", "@Masking(Double.NaN)");
  }

  @Test
  void infiniteWeightDecay() {
    assertError("""
        @Model(loss = MSE,
            optimizer = @Optimizer(value = OptimizerType.ADAMW, weightDecay = Double.POSITIVE_INFINITY))
        class Net {
          @Input(shape = 4) Tensor x;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Optimizer.weightDecay] @Optimizer on 'Net' needs weightDecay to be a finite value >= 0, but found"
        + " weightDecay = Infinity. Use a finite value >= 0.", "weightDecay = Double.POSITIVE_INFINITY");
  }

  @Test
  void privateModelIsInvisibleToItsGraph() {
    assertError("""
        class Net {
          @Model(loss = MSE)
          private static class Inner {
            @Input(shape = 4) Tensor x;
            @Output @Dense(units = 1) Tensor y;
          }
        }
        """, "[Model.access] @Model 'Inner' needs to be visible to its generated code in the same package, but it is"
        + " private. Remove 'private'.", "@Model");
  }

  @Test
  void modelNestedInAPrivateClass() {
    assertError("""
        class Net {
          private static class Holder {
            @Model(loss = MSE)
            static class Inner {
              @Input(shape = 4) Tensor x;
              @Output @Dense(units = 1) Tensor y;
            }
          }
        }
        """, "[Model.access] @Model 'Inner' needs to be visible to its generated code in the same package, but it is"
        + " nested in private Holder. Remove 'private'.", "@Model");
  }

  @Test
  void inputTooLargeForOneExample() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {100000, 100000}) Tensor x;
          @Flatten Tensor f;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Shape.size] @Input on 'x' would give [batch, 100000, 100000], but one example can hold at most"
        + " 2147483647 elements. Use smaller sizes.", "Tensor x;");
  }

  @Test
  void upSamplingOverflowsNoLonger() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {4, 4, 1}) Tensor x;
          @UpSampling(Integer.MAX_VALUE) Tensor up;
          @Flatten Tensor f;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Shape.size] @UpSampling on 'up' would give [batch, 8589934588, 8589934588, 1], but one example can hold"
        + " at most 2147483647 elements. Use smaller sizes.", "Tensor up;");
  }

  @Test
  void hugeStridesDoNotWrapAround() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {6, 2}) Tensor x;
          @Bidirectional @LSTM(units = Integer.MAX_VALUE) Tensor h;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Shape.size] @LSTM on 'h' would give [batch, 4294967294], but one example can hold at most 2147483647"
        + " elements. Use smaller sizes.", "Tensor h;");
  }
}
