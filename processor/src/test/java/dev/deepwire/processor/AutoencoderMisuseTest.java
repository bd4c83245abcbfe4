package dev.deepwire.processor;

import static dev.deepwire.processor.Sources.assertError;

import org.junit.jupiter.api.Test;

/** Misused autoencoder marks and layers: javac errors on the offending member. */
class AutoencoderMisuseTest {

  @Test
  void decoderThatAlsoReadsTheInputIsNotReachableFromTheCodeAlone() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 784) Tensor x();
          @Encoder @Dense(units = 32) Tensor code(Tensor x);
          @Decoder @Concatenate Tensor joined(Tensor code, Tensor x);
          @Output(target = "x") @Dense(units = 784) Tensor xHat(Tensor joined);
        }
        """, "[Decoder.entry] @Decoder on 'joined' needs to consume only decoder layers or the code 'code', but it"
        + " also consumes 'x'. A decoder starts from one code so that decode(z) can run it alone; mark 'x' @Decoder,"
        + " or feed it through the code.", "Tensor joined(");
  }

  @Test
  void encoderLayerOffThePathToTheCodeIsNotContiguous() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 784) Tensor x();
          @Encoder @Dense(units = 64) Tensor h(Tensor x);
          @Encoder @Dense(units = 16) Tensor side(Tensor x);
          @Dense(units = 16) Tensor mixed(Tensor side);
          @Encoder @Dense(units = 8) Tensor code(Tensor h);
          @Decoder @Concatenate Tensor d(Tensor code, Tensor mixed);
          @Output(target = "x") @Dense(units = 784) Tensor xHat(Tensor d);
        }
        """, "[Decoder.entry] @Decoder on 'd' needs to consume only decoder layers or the code 'code', but it also"
        + " consumes 'mixed'.", "Tensor d(");
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 784) Tensor x();
          @Encoder @Dense(units = 64) Tensor h(Tensor x);
          @Encoder @Dense(units = 16) Tensor stray(Tensor x);
          @Dense(units = 8) Tensor code(Tensor h);
          @Decoder @Dense(units = 64) Tensor d(Tensor code);
          @Output(target = "x") @Dense(units = 784) Tensor xHat(Tensor d);
          @Output(target = "x") @Dense(units = 784) Tensor other(Tensor stray);
        }
        """, "[Encoder.contiguous] @Encoder on 'stray' needs to lead to the code 'code', but the code does not depend"
        + " on it. Remove @Encoder from 'stray', or make it part of the path to 'code'.", "Tensor stray(");
  }

  @Test
  void encoderEndingInTwoLayersHasNoSingleCode() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 784) Tensor x();
          @Encoder @Dense(units = 8) Tensor a(Tensor x);
          @Encoder @Dense(units = 8) Tensor b(Tensor x);
          @Add Tensor sum(Tensor a, Tensor b);
          @Output(target = "x") @Dense(units = 784) Tensor xHat(Tensor sum);
        }
        """, "[Encoder.code] @Encoder layers of 'Net' need to end in one code, but end in 'a' and 'b'.", "Tensor b(");
  }

  @Test
  void outputAfterTheCodeThatReadsTheInputCannotBeDecoded() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 784) Tensor x();
          @Encoder @Dense(units = 8) Tensor code(Tensor x);
          @Decoder @Dense(units = 784) Tensor d(Tensor code);
          @Add Tensor skip(Tensor d, Tensor x);
          @Output(target = "x") Tensor xHat(Tensor skip);
        }
        """, "[Decoder.bypass] @Output 'xHat' needs only the code 'code' to be decoded, but it also reads @Input 'x'"
        + " without passing through the code.", "Tensor xHat(");
  }

  @Test
  void bothHalvesOnOneLayer() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 784) Tensor x();
          @Encoder @Decoder @Dense(units = 8) Tensor code(Tensor x);
          @Output(target = "x") @Dense(units = 784) Tensor xHat(Tensor code);
        }
        """, "[Part.both] 'code' needs to be in one half of the autoencoder, but found both @Encoder and @Decoder.",
        "@Encoder @Decoder");
  }

  @Test
  void sampleNeedsAMeanAndALogVarianceOfOneShape() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 784) Tensor x();
          @Dense(units = 8) Tensor mu(Tensor x);
          @Sample Tensor z(Tensor mu);
          @Output(target = "x") @Dense(units = 784) Tensor xHat(Tensor z);
        }
        """, "[Sample.arity] @Sample on 'z' needs two inputs (the mean, then the log-variance), but found 1 (mu)."
        + " Declare it as 'Tensor z(Tensor mu, Tensor logVar)' in a graph-form model.", "@Sample");
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 784) Tensor x();
          @Dense(units = 8) Tensor mu(Tensor x);
          @Dense(units = 4) Tensor logVar(Tensor x);
          @Sample Tensor z(Tensor mu, Tensor logVar);
          @Output(target = "x") @Dense(units = 784) Tensor xHat(Tensor z);
        }
        """, "[Sample.shapes] @Sample on 'z' needs the mean and the log-variance to have one shape, but 'mu' is"
        + " [batch, 8] and 'logVar' is [batch, 4]. Give both @Dense layers the same units.", "@Sample");
  }

  @Test
  void noiseAndSparsitySettingsOutOfRange() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 784) Tensor x;
          @GaussianNoise(0) Tensor noisy;
          @Output @Dense(units = 10) Tensor y;
        }
        """, "[GaussianNoise.value] @GaussianNoise on 'noisy' needs a stddev > 0, but found value = 0.0.",
        "@GaussianNoise(0)");
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 784) Tensor x;
          @MaskingNoise(1.5) Tensor masked;
          @Output @Dense(units = 10) Tensor y;
        }
        """, "[MaskingNoise.value] @MaskingNoise on 'masked' needs a rate in (0, 1), but found value = 1.5.",
        "@MaskingNoise(1.5)");
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 784) Tensor x;
          @Dense(units = 32, activation = SIGMOID) Tensor h;
          @ActivityRegularization(sparsityTarget = 1.0, sparsityWeight = 0.1) Tensor sparse;
          @Output @Dense(units = 10) Tensor y;
        }
        """, "[ActivityRegularization.sparsityTarget] @ActivityRegularization on 'sparse' needs sparsityTarget in"
        + " (0, 1), but found sparsityTarget = 1.0.", "sparsityTarget = 1.0");
  }
}
