package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Capsule networks and Siamese models compile, and their generated graphs call the runtime layers. */
class CapsuleModelsTest {

  @Test
  void capsuleNetworkWithMaskedDecoder() {
    Compilation compilation = Sources.compile(Sources.source("CapsNet", """
        @Model(loss = MARGIN, metrics = Metric.ACCURACY)
        public interface CapsNet {
          @Input(shape = {28, 28, 1}) Tensor image();
          @Input(shape = 10) Tensor label();
          @Conv(filters = 32, kernel = 9, activation = RELU) Tensor features(Tensor image);
          @PrimaryCaps(channels = 8, dimension = 8) Tensor primary(Tensor features);
          @Capsules(count = 10, dimension = 16) Tensor classes(Tensor primary);
          @Output(target = "label") @CapsuleLength Tensor scores(Tensor classes);
          @CapsuleMask Tensor masked(Tensor classes, Tensor label);
          @Dense(units = 784, activation = SIGMOID) Tensor pixels(Tensor masked);
          @Output(loss = MSE, target = "image", weight = 0.4) @Reshape({28, 28, 1}) Tensor reconstruction(Tensor pixels);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    for (String line : new String[] {
        "Operand<TFloat32> primary = new PrimaryCaps(8, 8, 9, 2).call(scope.child(\"primary\"), features);",
        "Operand<TFloat32> classes = new Capsules(10, 16, 3).call(scope.child(\"classes\"), primary);",
        "Operand<TFloat32> scores = new CapsuleLength().call(scope.child(\"scores\"), classes);",
        "Operand<TFloat32> masked = new CapsuleMask().call(scope.child(\"masked\"), classes, label);",
        ".output(\"scores\", Loss.MARGIN, \"label\", 1.0, 10)"}) {
      assertThat(compilation).generatedSourceFile("test.CapsNetGraph").contentsAsUtf8String().contains(line);
    }
  }

  @Test
  void siameseAndTripletModelsShareOneTower() {
    Compilation compilation = Sources.compile(Sources.source("Tower", """
        @Model
        public class Tower {
          @Input(shape = 8) Tensor x;
          @Output @Dense(units = 4) Tensor code;
        }
        """), Sources.source("Pair", """
        @Model(loss = CONTRASTIVE)
        public interface Pair {
          @Input(shape = 8) Tensor left();
          @Input(shape = 8) Tensor right();
          Tower leftCode(Tensor left);
          Tower rightCode(Tensor right);
          @Output @Distance(DistanceKind.COSINE) Tensor distance(Tensor leftCode, Tensor rightCode);
        }
        """), Sources.source("Triple", """
        @Model(loss = TRIPLET)
        public interface Triple {
          @Input(shape = 8) Tensor anchor();
          @Input(shape = 8) Tensor positive();
          @Input(shape = 8) Tensor negative();
          Tower a(Tensor anchor);
          Tower p(Tensor positive);
          Tower n(Tensor negative);
          @Output @Distance(margin = 0.2) Tensor distances(Tensor a, Tensor p, Tensor n);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.PairGraph").contentsAsUtf8String().contains(
        "Operand<TFloat32> distance = new Distance(DistanceKind.COSINE).call(scope.child(\"distance\"), leftCode,"
            + " rightCode);");
    assertThat(compilation).generatedSourceFile("test.TripleGraph").contentsAsUtf8String().contains(
        ".output(\"distances\", Loss.TRIPLET, \"distances\", 1.0, 2)");
    assertThat(compilation).generatedSourceFile("test.TripleGraph").contentsAsUtf8String().contains(
        "new Distance(DistanceKind.L2, 0.2).call(scope.child(\"distances\"), a, p, n);");
  }
}
