package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** The processor reports instead of crashing, and ignores what is not a model. */
class ProcessorRobustnessTest {

  @Test
  void plainMembersOfASequentialModelAreIgnored() {
    Compilation compilation = Sources.compile(Sources.source("Net", """
        @Model(loss = MSE)
        class Net {
          static final int SIZE = 4;
          private String note = "plain";
          @Input(shape = SIZE) private Tensor x;
          @Output @Dense(units = 1) private Tensor y;
          String describe() { return note; }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void localVariableAvoidsParameterNames() {
    Compilation compilation = Sources.compile(Sources.source("Net", """
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor inputs();
          @Dense(units = 4) Tensor scope(Tensor inputs);
          @Output @Dense(units = 1) Tensor outputs(Tensor scope);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
