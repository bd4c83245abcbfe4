package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Models with every spatial layer compile, and the generated graph calls the runtime layers as expected. */
class SpatialModelsTest {

  @Test
  void everySpatialLayerCompilesIntoReadableCalls() {
    Compilation compilation = Sources.compile(Sources.source("AllSpatial", """
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        public class AllSpatial {
          @Input(shape = {28, 28, 1}) Tensor image;
          @ZeroPadding(1) Tensor padded;
          @Conv(filters = 16, kernel = {3, 5}, strides = 2, padding = Padding.SAME, activation = RELU) Tensor c1;
          @BatchNorm Tensor bn;
          @SpatialDropout(0.1) Tensor drop;
          @MaxPool(2) Tensor p1;
          @ConvTranspose(filters = 8, kernel = 3, strides = 2, padding = Padding.SAME) Tensor up;
          @UpSampling(2) Tensor bigger;
          @AvgPool(value = 3, strides = 2, padding = Padding.SAME) Tensor p2;
          @Conv(filters = 4, kernel = 3, dilation = 2) Tensor dilated;
          @GlobalAvgPool Tensor pooled;
          @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    String graph = "test.AllSpatialGraph";
    for (String line : new String[] {
        "Operand<TFloat32> padded = new ZeroPadding(1).call(scope.child(\"padded\"), image);",
        "Operand<TFloat32> c1 = Conv.withFilters(16).kernel(3, 5).strides(2).padding(Padding.SAME)"
            + ".activation(ActivationFunction.RELU).build().call(scope.child(\"c1\"), padded);",
        "Operand<TFloat32> bn = new BatchNorm(0.99, 0.001).call(scope.child(\"bn\"), c1);",
        "Operand<TFloat32> drop = new SpatialDropout(0.1).call(scope.child(\"drop\"), bn);",
        "Operand<TFloat32> p1 = Pooling.max(2).call(scope.child(\"p1\"), drop);",
        "Operand<TFloat32> up = ConvTranspose.withFilters(8).kernel(3).strides(2).padding(Padding.SAME).build()"
            + ".call(scope.child(\"up\"), p1);",
        "Operand<TFloat32> bigger = new UpSampling(2).call(scope.child(\"bigger\"), up);",
        "Operand<TFloat32> p2 = new Pooling(Pooling.Kind.AVG, new int[] {3}, new int[] {2}, Padding.SAME)"
            + ".call(scope.child(\"p2\"), bigger);",
        "Operand<TFloat32> dilated = Conv.withFilters(4).kernel(3).dilation(2).build()"
            + ".call(scope.child(\"dilated\"), p2);",
        "Operand<TFloat32> pooled = new GlobalPooling(Pooling.Kind.AVG).call(scope.child(\"pooled\"), dilated);"}) {
      assertThat(compilation).generatedSourceFile(graph).contentsAsUtf8String().contains(line);
    }
  }

  @Test
  void oneAndThreeDimensionalModelsCompile() {
    Compilation compilation = Sources.compile(Sources.source("Volumes", """
        @Model(loss = MSE)
        public interface Volumes {
          @Input(shape = {8, 8, 8, 1}) Tensor volume();
          @Input(shape = {32, 2}) Tensor series();
          @Conv(filters = 4, kernel = 3, activation = RELU) Tensor v1(Tensor volume);
          @MaxPool(2) Tensor v2(Tensor v1);
          @GlobalMaxPool Tensor vCode(Tensor v2);
          @Conv(filters = 4, kernel = 5, padding = Padding.SAME) Tensor s1(Tensor series);
          @AvgPool(4) Tensor s2(Tensor s1);
          @GlobalAvgPool Tensor sCode(Tensor s2);
          @Concatenate Tensor both(Tensor vCode, Tensor sCode);
          @Output @Dense(units = 1) Tensor y(Tensor both);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
