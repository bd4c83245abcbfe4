package dev.deepwire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each misuse is a javac error with a stable id and a fix, on the line of the offending element. */
class MisuseTest {

  private static final String TOWER = """
      @Model
      public interface Tower {
        @Input(shape = 8) Tensor x();
        @Output @Dense(units = 4) Tensor code(Tensor x);
      }
      """;

  private static final String TWO_HEADS = """
      @Model
      public interface TwoHeads {
        @Input(shape = 8) Tensor x();
        @Output @Dense(units = 4) Tensor a(Tensor x);
        @Output @Dense(units = 4) Tensor b(Tensor x);
      }
      """;

  /** Compiles {@code Net} (plus {@code others} as "Name:body" pairs) and expects {@code message} on {@code line}. */
  static void assertError(String net, String message, String line, String... others) {
    JavaFileObject src = Sources.source("Net", net);
    List<JavaFileObject> all = new ArrayList<>(List.of(src));
    for (String other : others) {
      all.add(Sources.source(other.substring(0, other.indexOf(':')), other.substring(other.indexOf(':') + 1)));
    }
    Compilation compilation = Sources.compile(all.toArray(JavaFileObject[]::new));
    assertThat(compilation).hadErrorContaining(message).inFile(src).onLineContaining(line);
  }

  @Test
  void unknownInputNameSuggestsClosest() {
    assertError("""
        @Model
        interface Net {
          @Input(shape = 4) Tensor x();
          @Dense(units = 8) Tensor hidden(Tensor x);
          @Output(loss = MSE) @Dense(units = 1) Tensor y(Tensor hiden);
        }
        """, "[Name.unknown] Parameter 'hiden' of 'y' needs to name a layer of 'Net', but no layer is called 'hiden'."
        + " Did you mean 'hidden'? Known layers: x, hidden, y.", "Tensor hiden");
  }

  @Test
  void cycleIsNamed() {
    assertError("""
        @Model
        interface Net {
          @Input(shape = 4) Tensor x();
          @Add Tensor a(Tensor x, Tensor c);
          @Dense(units = 4) Tensor b(Tensor a);
          @Dense(units = 4) Tensor c(Tensor b);
          @Output(loss = MSE) @Dense(units = 1) Tensor y(Tensor c);
        }
        """, "[Graph.cycle] Layers need to form an acyclic graph, but 'a' feeds itself through a -> b -> c -> a."
        + " Remove one of these parameters.", "Tensor a(");
  }

  @Test
  void noInput() {
    assertError("""
        @Model
        class Net {
          @Output(loss = MSE) @Dense(units = 1) Tensor y;
        }
        """, "[Model.noInput] Model 'Net' needs at least one @Input, but found none. Add @Input(shape = {...}) to its"
        + " first Tensor field.", "@Model");
  }

  @Test
  void noOutput() {
    assertError("""
        @Model
        class Net {
          @Input(shape = 4) Tensor x;
          @Dense(units = 1) Tensor y;
        }
        """, "[Model.noOutput] Model 'Net' needs at least one @Output, but found none. Add @Output to the layer that"
        + " computes the prediction.", "@Model");
  }

  @Test
  void denseOnImageNeedsFlatten() {
    assertError("""
        @Model(loss = SPARSE_CATEGORICAL_CROSSENTROPY)
        class Net {
          @Input(shape = {28, 28}) Tensor image;
          @Dense(units = 256, activation = RELU) Tensor hidden;
          @Output @Dense(units = 10, activation = SOFTMAX) Tensor label;
        }
        """, "[Shape.rank] @Dense on 'hidden' needs a rank-2 input [batch, features], but 'image' is"
        + " [batch, 28, 28]; add @Flatten before it.", "Tensor hidden");
  }

  @Test
  void nonPositiveUnits() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          @Dense(units = 0) Tensor hidden;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Dense.units] @Dense on 'hidden' needs units >= 1, but found units = 0. Use a positive number of units.",
        "units = 0");
  }

  @Test
  void dropoutRateOutOfRange() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          @Dropout(1.0) Tensor drop;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Dropout.rate] @Dropout on 'drop' needs a rate in [0, 1), but found value = 1.0. Use a drop probability"
        + " such as 0.5.", "@Dropout(1.0)");
  }

  @Test
  void softmaxWithRegressionLoss() {
    assertError("""
        @Model
        class Net {
          @Input(shape = 4) Tensor x;
          @Output(loss = MSE) @Dense(units = 3, activation = SOFTMAX) Tensor y;
        }
        """, "[Loss.regression] @Output on 'y' uses loss MSE, which needs an unbounded activation such as LINEAR, but"
        + " found SOFTMAX. Use CATEGORICAL_CROSSENTROPY or SPARSE_CATEGORICAL_CROSSENTROPY, or activation = LINEAR.",
        "loss = MSE");
  }

  @Test
  void sparseCrossentropyOnOneUnit() {
    assertError("""
        @Model
        class Net {
          @Input(shape = 4) Tensor x;
          @Output(loss = SPARSE_CATEGORICAL_CROSSENTROPY) @Dense(units = 1, activation = SOFTMAX) Tensor y;
        }
        """, "[Loss.classes] @Output on 'y' uses loss SPARSE_CATEGORICAL_CROSSENTROPY, which needs [batch, classes]"
        + " with at least 2 classes, but 'y' is [batch, 1]. Use at least 2 units, or BINARY_CROSSENTROPY with one"
        + " SIGMOID unit.", "Tensor y");
  }

  @Test
  void sparseCrossentropyWithoutSoftmax() {
    assertError("""
        @Model
        class Net {
          @Input(shape = 4) Tensor x;
          @Output(loss = SPARSE_CATEGORICAL_CROSSENTROPY) @Dense(units = 10, activation = RELU) Tensor y;
        }
        """, "[Loss.softmax] @Output on 'y' uses loss SPARSE_CATEGORICAL_CROSSENTROPY, which needs a SOFTMAX"
        + " activation, but found RELU. Use activation = SOFTMAX.", "Tensor y");
  }

  @Test
  void categoricalCrossentropyWithoutSoftmax() {
    assertError("""
        @Model
        class Net {
          @Input(shape = 4) Tensor x;
          @Output(loss = CATEGORICAL_CROSSENTROPY) @Dense(units = 10) Tensor y;
        }
        """, "[Loss.softmax] @Output on 'y' uses loss CATEGORICAL_CROSSENTROPY, which needs a SOFTMAX activation,"
        + " but found LINEAR. Use activation = SOFTMAX.", "Tensor y");
  }

  @Test
  void binaryCrossentropyFromModelLossWithoutSigmoid() {
    assertError("""
        @Model(loss = BINARY_CROSSENTROPY)
        class Net {
          @Input(shape = 4) Tensor x;
          @Output
          @Dense(units = 1) Tensor y;
        }
        """, "[Loss.sigmoid] @Output on 'y' uses loss BINARY_CROSSENTROPY, which needs a SIGMOID activation, but"
        + " found LINEAR. Use activation = SIGMOID.", "@Output");
  }

  @Test
  void overloadedLayerName() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor x();
          @Dense(units = 2) Tensor h(Tensor x);
          @Output @Dense(units = 2) Tensor h(Tensor x, Tensor x2);
        }
        """, "[Name.duplicate] Layer 'h' needs a unique name in 'Net', but found a second method called 'h'. Rename"
        + " one of them; overloads are not allowed.", "Tensor x2");
  }

  @Test
  void subModelInputShapeMismatch() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor x();
          @Output Tower code(Tensor x);
        }
        """, "[SubModel.shape] Sub-model Tower on 'code' needs input 'x' shaped [batch, 8], but 'x' is [batch, 4]."
        + " Reshape or project it first.", "Tower code", "Tower:" + TOWER);
  }

  @Test
  void subModelWithTwoOutputs() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 8) Tensor x();
          @Output TwoHeads heads(Tensor x);
        }
        """, "[SubModel.outputs] Sub-model TwoHeads on 'heads' needs exactly one @Output to be used as a layer, but"
        + " found 2 (a, b). Use a model with a single @Output.", "TwoHeads heads", "TwoHeads:" + TWO_HEADS);
  }

  @Test
  void subModelArityMismatch() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 8) Tensor a();
          @Input(shape = 8) Tensor b();
          @Output Tower code(Tensor a, Tensor b);
        }
        """, "[SubModel.arity] Sub-model Tower on 'code' takes 1 input(s) (x), but found 2 (a, b). Pass one argument"
        + " per @Input of Tower.", "Tower code", "Tower:" + TOWER);
  }

  @Test
  void twoLayerAnnotations() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          @Dense(units = 4) @Dropout(0.5) Tensor h;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Layer.multiple] 'h' needs exactly one layer annotation, but found @Dense and @Dropout. Declare one"
        + " member per layer.", "Tensor h");
  }

  @Test
  void layerOnNonTensorField() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          @Dense(units = 4) String h;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Layer.notTensor] @Dense on 'h' needs type Tensor (or a @Model type), but found String. Declare it as"
        + " 'Tensor h'.", "String h");
  }

  @Test
  void inputWithZeroDimension() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {28, 0}) Tensor image;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Input.shape] @Input on 'image' needs dimensions >= 1, but found shape = {28, 0}. Use positive sizes;"
        + " the batch dimension is implicit.", "{28, 0}");
  }

  @Test
  void inputWithEmptyShape() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = {}) Tensor image;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Input.shape] @Input on 'image' needs at least one dimension, but found shape = {}. Give the shape of one"
        + " example without the batch, e.g. shape = {784}.", "shape = {}");
  }

  @Test
  void inputWithParameters() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor a();
          @Input(shape = 4) Tensor b(Tensor a);
          @Output @Add Tensor y(Tensor a, Tensor b);
        }
        """, "[Input.params] @Input on 'b' needs no parameters, but found 1 (a). Remove them; inputs are fed from"
        + " data.", "Tensor b(");
  }

  @Test
  void concatenateWithOneInput() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor a();
          @Output @Concatenate Tensor y(Tensor a);
        }
        """, "[Merge.arity] @Concatenate on 'y' needs at least 2 inputs, but found 1 (a). Add parameters naming the"
        + " layers to merge.", "Tensor y(");
  }

  @Test
  void concatenateMismatchedShapes() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = {4, 3}) Tensor a();
          @Input(shape = {5, 3}) Tensor b();
          @Output @Concatenate Tensor y(Tensor a, Tensor b);
        }
        """, "[Concatenate.shape] @Concatenate on 'y' needs inputs equal in all but the last dimension, but 'a' is"
        + " [batch, 4, 3] and 'b' is [batch, 5, 3]. Reshape them to agree.", "Tensor y(");
  }

  @Test
  void addMismatchedShapes() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 16) Tensor a();
          @Input(shape = 32) Tensor b();
          @Output @Add Tensor y(Tensor a, Tensor b);
        }
        """, "[Add.shape] @Add on 'y' needs inputs of one shape, but 'a' is [batch, 16] and 'b' is [batch, 32]."
        + " Project them to one shape, e.g. with @Dense.", "Tensor y(");
  }

  @Test
  void reshapeElementCountDiffers() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 784) Tensor pixels;
          @Reshape({7, 7, 10}) Tensor grid;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Reshape.count] @Reshape on 'grid' needs as many elements as its input, but 'pixels' [batch, 784] has"
        + " 784 per example and value = {7, 7, 10} has 490. Choose sizes whose product is 784.", "{7, 7, 10}");
  }

  @Test
  void reshapeWithTwoInferredDimensions() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 784) Tensor pixels;
          @Reshape({-1, -1}) Tensor grid;
          @Flatten Tensor flat;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Reshape.inferred] @Reshape on 'grid' allows at most one -1, but found 2 in value = {-1, -1}. Give"
        + " every size but one.", "{-1, -1}");
  }

  @Test
  void outputTargetNotAnInput() {
    assertError("""
        @Model
        interface Net {
          @Input(shape = 4) Tensor x();
          @Dense(units = 4) Tensor h(Tensor x);
          @Output(loss = MSE, target = "h") @Dense(units = 4) Tensor y(Tensor h);
        }
        """, "[Output.target] @Output on 'y' needs target to name an @Input, but found target = \"h\". Known inputs:"
        + " x; leave target empty to read a data column named 'y'.", "target = \"h\"");
  }

  @Test
  void outputTargetShapeDiffers() {
    assertError("""
        @Model
        interface Net {
          @Input(shape = 784) Tensor x();
          @Dense(units = 32) Tensor code(Tensor x);
          @Output(loss = MSE, target = "x") @Dense(units = 10) Tensor xHat(Tensor code);
        }
        """, "[Output.targetShape] @Output on 'xHat' needs the shape of its target 'x', but 'xHat' is [batch, 10] and"
        + " 'x' is [batch, 784]. Make the output match its target.", "target = \"x\"");
  }

  @Test
  void nonPositiveLearningRate() {
    assertError("""
        @Model(loss = MSE,
            optimizer = @Optimizer(learningRate = 0))
        class Net {
          @Input(shape = 4) Tensor x;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Model.learningRate] @Model on 'Net' needs a learningRate > 0, but found learningRate = 0.0. Use a"
        + " positive rate such as 1e-3.", "learningRate = 0");
  }

  @Test
  void optimizerBetaOutsideItsRange() {
    assertError("""
        @Model(loss = MSE,
            optimizer = @Optimizer(value = OptimizerType.ADAM, beta1 = 1.0))
        class Net {
          @Input(shape = 4) Tensor x;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Optimizer.beta1] @Optimizer on 'Net' needs beta1 to be a value in [0, 1), but found beta1 = 1.0."
        + " Use a value in [0, 1).", "beta1 = 1.0");
  }

  @Test
  void negativeGradientClipNorm() {
    assertError("""
        @Model(loss = MSE,
            optimizer = @Optimizer(clipNorm = -1))
        class Net {
          @Input(shape = 4) Tensor x;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Optimizer.clipNorm] @Optimizer on 'Net' needs clipNorm to be a finite value >= 0, but found clipNorm = -1.0."
        + " Use a finite value >= 0.", "clipNorm = -1");
  }

  @Test
  void negativePenalty() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          @Output @Dense(units = 1, kernelL2 = -0.1) Tensor y;
        }
        """, "[Dense.penalty] @Dense on 'y' needs kernelL2 >= 0, but found kernelL2 = -0.1. Use 0 for no penalty or a"
        + " small positive factor.", "kernelL2 = -0.1");
  }

  @Test
  void negativeOutputWeight() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          @Output(weight = -1) @Dense(units = 1) Tensor y;
        }
        """, "[Output.weight] @Output on 'y' needs a weight >= 0, but found weight = -1.0. Use a non-negative factor"
        + " such as 1.0.", "weight = -1");
  }

  @Test
  void sequentialFirstLayerIsNotInput() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Dense(units = 4) Tensor h;
          @Input(shape = 4) Tensor x;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Sequential.first] Sequential model 'Net' needs @Input on its first layer, but 'h' is @Dense. Move the"
        + " @Input field first.", "Tensor h");
  }

  @Test
  void sequentialWithTwoInputs() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor a;
          @Input(shape = 4) Tensor b;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Sequential.inputs] Sequential model 'Net' needs exactly one @Input, its first field, but 'b' is"
        + " another. Declare Net as an interface (graph form) for several inputs.", "Tensor b");
  }

  @Test
  void graphMethodWithBody() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor x();
          @Output @Dense(units = 1) Tensor y(Tensor x);
          default Tensor twice(Tensor x) { return x; }
        }
        """, "[Layer.custom] Method 'twice' in graph-form model 'Net' needs to be abstract, but found a method with a"
        + " body; custom layers are not supported yet. Remove the body and use a layer annotation such as @Dense.",
        "Tensor twice");
  }

  @Test
  void unusedInput() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor x();
          @Input(shape = 4) Tensor extra();
          @Output @Dense(units = 1) Tensor y(Tensor x);
        }
        """, "[Input.unused] @Input 'extra' needs to reach an @Output, but no output depends on it. Pass it to a layer"
        + " as a parameter, or remove it.", "Tensor extra");
  }

  @Test
  void unusedLayerIsAWarning() {
    JavaFileObject src = Sources.source("Net", """
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor x();
          @Dense(units = 3) Tensor debug(Tensor x);
          @Output @Dense(units = 1) Tensor y(Tensor x);
        }
        """);
    Compilation compilation = Sources.compile(src);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[Layer.unused] Layer 'debug' reaches no @Output, so it is left out"
        + " of the graph. Use it, mark it @Output, or remove it.").inFile(src).onLineContaining("Tensor debug");
  }

  @Test
  void modelOnEnum() {
    assertError("""
        @Model
        enum Net { A }
        """, "[Model.kind] @Model on 'Net' needs a class (sequential form) or an interface or abstract class (graph"
        + " form), but found an enum. Declare Net as a class.", "@Model");
  }

  @Test
  void modelOnRecord() {
    assertError("""
        @Model
        record Net(int a) {}
        """, "[Model.kind] @Model on 'Net' needs a class (sequential form) or an interface or abstract class (graph"
        + " form), but found a record. Declare Net as a class.", "@Model");
  }

  @Test
  void outputAloneInSequentialForm() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          @Output Tensor y;
        }
        """, "[Output.alone] @Output on 'y' needs a layer annotation beside it in sequential form, but found none. Put"
        + " @Output on the layer that computes the output, e.g. @Output @Dense(units = 10).", "Tensor y");
  }

  @Test
  void outputAloneWithTwoParameters() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor a();
          @Input(shape = 4) Tensor b();
          @Output Tensor y(Tensor a, Tensor b);
        }
        """, "[Output.alone] @Output without a layer annotation on 'y' needs exactly one parameter (the layer it"
        + " outputs as is), but found 2. Pass one parameter or add a layer annotation.", "Tensor y(");
  }

  @Test
  void tensorWithoutLayerAnnotation() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          Tensor h;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[Layer.missing] Tensor 'h' needs a layer annotation, but found none. Add one such as @Dense(units = 16),"
        + " or remove the member.", "Tensor h");
  }

  @Test
  void layerMethodInSequentialClass() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          @Output @Dense(units = 1) Tensor y;
          @Dense(units = 2) Tensor z() { return null; }
        }
        """, "[Layer.form] @Dense on method 'z()' needs a field in sequential model 'Net' (a class), but found a"
        + " method. Declare a field 'Tensor z;', or make Net an interface to use the graph form.", "Tensor z()");
  }

  @Test
  void graphLayerWithoutParameters() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor x();
          @Output @Dense(units = 1) Tensor y();
        }
        """, "[Layer.noInput] @Dense on 'y' needs one input, but found no parameters. Add a parameter naming the layer"
        + " it consumes, e.g. 'Tensor y(Tensor x)'.", "Tensor y()");
  }

  @Test
  void denseWithTwoParameters() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor a();
          @Input(shape = 4) Tensor b();
          @Output @Dense(units = 1) Tensor y(Tensor a, Tensor b);
        }
        """, "[Layer.arity] @Dense on 'y' takes exactly one input, but found 2 (a, b). Merge them first with"
        + " @Concatenate or @Add.", "Tensor y(");
  }

  @Test
  void parameterNotTensor() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 4) Tensor x();
          @Output @Dense(units = 1) Tensor y(Tensor x,
              int size);
        }
        """, "[Layer.paramType] Parameter 'size' of 'y' needs type Tensor, but found int. Parameters name the layers"
        + " 'y' consumes.", "int size");
  }

  @Test
  void modelContainingItself() {
    assertError("""
        @Model(loss = MSE)
        class Net {
          @Input(shape = 4) Tensor x;
          Net again;
          @Output @Dense(units = 1) Tensor y;
        }
        """, "[SubModel.cycle] Sub-model Net on 'again' needs to be a different model, but it contains itself: Net ->"
        + " Net. Break the loop of sub-models.", "Net again");
  }

  @Test
  void layerNamedLikeSubModelScope() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 8) Tensor x();
          @Dense(units = 8) Tensor tower(Tensor x);
          @Output Tower code(Tensor tower);
        }
        """, "[Name.scope] Sub-model Tower on 'code' needs the scope 'tower' for its shared weights, but layer 'tower'"
        + " has that name too. Rename layer 'tower'.", "Tower code", "Tower:" + TOWER);
  }

  @Test
  void invalidSubModel() {
    assertError("""
        @Model(loss = MSE)
        interface Net {
          @Input(shape = 8) Tensor x();
          @Output Tower code(Tensor x);
        }
        """, "[SubModel.invalid] Sub-model Tower on 'code' needs to be a valid model, but Tower has errors. Fix the"
        + " errors reported on Tower first.", "Tower code", "Tower:" + TOWER.replace("units = 4", "units = 0"));
  }
}
