package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Autoencoder models compile; the generated graph marks the code and calls the noise and sampling layers. */
class AutoencoderModelsTest {

  @Test
  void vaeMarksTheSampleAsItsCode() {
    Compilation compilation = Sources.compile(Sources.source("Vae", """
        @Model(optimizer = @Optimizer(learningRate = 1e-3))
        public interface Vae {
          @Input(shape = 784) Tensor x();
          @Encoder @Dense(units = 64, activation = RELU) Tensor h(Tensor x);
          @Encoder @Dense(units = 8) Tensor mu(Tensor h);
          @Encoder @Dense(units = 8) Tensor logVar(Tensor h);
          @Sample(klWeight = 0.00125) Tensor z(Tensor mu, Tensor logVar);
          @Decoder @Dense(units = 64, activation = RELU) Tensor d(Tensor z);
          @Output(loss = BINARY_CROSSENTROPY, target = "x") @Dense(units = 784, activation = SIGMOID) Tensor xHat(Tensor d);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.VaeGraph").contentsAsUtf8String()
        .contains("Operand<TFloat32> z = Codes.mark(scope, new Sample(0.00125).call(scope.child(\"z\"), mu, logVar));");
  }

  @Test
  void denoisingAndSparseLayersCompileIntoCalls() {
    Compilation compilation = Sources.compile(Sources.source("Denoiser", """
        @Model(loss = MSE)
        public interface Denoiser {
          @Input(shape = 784) Tensor clean();
          @GaussianNoise(0.3) Tensor noisy(Tensor clean);
          @MaskingNoise(0.25) Tensor masked(Tensor noisy);
          @Encoder @Dense(units = 32, activation = SIGMOID) Tensor hidden(Tensor masked);
          @Encoder @ActivityRegularization(l1 = 1e-4, sparsityTarget = 0.1, sparsityWeight = 0.5) Tensor code(Tensor hidden);
          @Output(target = "clean") @Dense(units = 784, activation = SIGMOID) Tensor restored(Tensor code);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    String graph = "test.DenoiserGraph";
    for (String line : new String[] {
        "Operand<TFloat32> noisy = new GaussianNoise(0.3).call(scope.child(\"noisy\"), clean);",
        "Operand<TFloat32> masked = new MaskingNoise(0.25).call(scope.child(\"masked\"), noisy);",
        "Operand<TFloat32> code = Codes.mark(scope, new ActivityRegularization(1.0E-4, 0.1, 0.5)"
            + ".call(scope.child(\"code\"), hidden));"}) {
      assertThat(compilation).generatedSourceFile(graph).contentsAsUtf8String().contains(line);
    }
  }
}
