package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Adversarial}: the generated {@code <Name>Gan}, and javac errors when the two models do not fit. */
class AdversarialTest {

  private static final String GENERATOR = """
      @Model
      class Maker {
        @Input(shape = 8) Tensor noise;
        @Output @Dense(units = 6, activation = SIGMOID) Tensor made;
      }
      """;

  private static JavaFileObject judge(int inputs, int units) {
    return Sources.source("Judge", """
        @Model(loss = BINARY_CROSSENTROPY)
        class Judge {
          @Input(shape = %d) Tensor example;
          @Output @Dense(units = %d, activation = SIGMOID) Tensor real;
        }
        """.formatted(inputs, units));
  }

  private static Compilation compile(String gan, JavaFileObject judge) {
    return Sources.compile(Sources.source("Maker", GENERATOR), judge, Sources.source("Pair", gan));
  }

  @Test
  void generatesTheGanWithItsStepsPerSide() {
    Compilation compilation = compile("""
        @Adversarial(discriminatorSteps = 2)
        interface Pair {
          Maker generator();
          Judge discriminator();
        }
        """, judge(6, 1));
    assertThat(compilation).succeededWithoutWarnings();
    for (String line : new String[] {
        "public static Gan<Maker, Judge> compile(RuntimeOptions options) {",
        "return Gan.compile(new MakerGraph(), new JudgeGraph(), options);",
        "return GanOptions.of(epochs, batchSize, seed).steps(2, 1);"}) {
      assertThat(compilation).generatedSourceFile("test.PairGan").contentsAsUtf8String().contains(line);
    }
  }

  @Test
  void discriminatorMustTakeWhatTheGeneratorMakes() {
    JavaFileObject pair = Sources.source("Pair", """
        @Adversarial
        interface Pair {
          Maker generator();
          Judge discriminator();
        }
        """);
    Compilation compilation = Sources.compile(Sources.source("Maker", GENERATOR), judge(5, 1), pair);
    assertThat(compilation).hadErrorContaining("[Adversarial.shapes] discriminator() of @Adversarial 'Pair' needs to"
        + " take what the generator makes, but Judge takes [batch, 5] and Maker makes [batch, 6]. Make the shapes"
        + " agree.").inFile(pair).onLineContaining("Judge discriminator()");
  }

  @Test
  void discriminatorGivesOneScore() {
    JavaFileObject pair = Sources.source("Pair", """
        @Adversarial
        interface Pair {
          Maker generator();
          Judge discriminator();
        }
        """);
    Compilation compilation = Sources.compile(Sources.source("Maker", GENERATOR), judge(6, 2), pair);
    assertThat(compilation).hadErrorContaining("[Adversarial.score] discriminator() of @Adversarial 'Pair' needs one"
        + " score per example, but Judge outputs [batch, 2].").inFile(pair).onLineContaining("Judge discriminator()");
  }

  @Test
  void missingMemberAndBadSteps() {
    JavaFileObject pair = Sources.source("Pair", """
        @Adversarial(generatorSteps = 0)
        interface Pair {
          Maker generator();
        }
        """);
    Compilation compilation = Sources.compile(Sources.source("Maker", GENERATOR), judge(6, 1), pair);
    assertThat(compilation).hadErrorContaining("[Adversarial.member] @Adversarial on 'Pair' needs a method"
        + " 'discriminator()' returning a @Model class, but found none.").inFile(pair)
        .onLineContaining("@Adversarial");
    assertThat(compilation).hadErrorContaining("[Adversarial.generatorSteps] @Adversarial on 'Pair' needs"
        + " generatorSteps >= 1, but found generatorSteps = 0.").inFile(pair).onLineContaining("@Adversarial");
  }
}
