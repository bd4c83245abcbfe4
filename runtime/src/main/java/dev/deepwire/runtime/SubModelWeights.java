package dev.deepwire.runtime;

import dev.deepwire.runtime.internal.ModelOps.VariableSlot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;

/**
 * Loads the weights of one sub-model from another model's checkpoint: fine-tuning a pre-trained encoder. Only
 * the weights under the sub-model's scope (its decapitalised class name, e.g. {@code bertEncoder}) are set; the
 * rest of the model keeps its initial values and the checkpoint's other variables (a pre-training head, optimizer
 * slots) are ignored.
 *
 * <pre>{@code
 * SubModelWeights.restore(classifier, Path.of("runs/bert-pretrain/model.ckpt"), "bertEncoder");
 * }</pre>
 */
public final class SubModelWeights {

  private SubModelWeights() {}

  /**
   * Sets every weight of {@code model} under {@code scope} from {@code checkpoint}.
   *
   * @return the names of the weights restored
   * @throws IOException if the model has no weights under {@code scope}, or the checkpoint lacks some of them or
   *     holds them with other shapes (every such weight is named)
   */
  public static List<String> restore(CompiledModel<?> model, Path checkpoint, String scope) throws IOException {
    Checkpoints.Snapshot saved = Checkpoints.read(checkpoint);
    Map<String, float[]> values = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (VariableSlot slot : model.ops().variables()) {
      String name = slot.name();
      if (!name.startsWith(scope + ".") || name.contains("-")) { // optimizer slots are named <weight>-<slot>
        continue;
      }
      long[] expected = slot.variable().shape().asArray();
      long[] found = saved.shapes().get(name);
      if (found == null) {
        problems.add("'" + name + "' is missing");
      } else if (!Arrays.equals(found, expected)) {
        problems.add("'" + name + "' has shape " + Shape.of(found) + ", expected " + Shape.of(expected));
      } else {
        values.put(name, saved.values().get(name));
        shapes.put(name, expected);
      }
    }
    if (values.isEmpty() && problems.isEmpty()) {
      throw new IOException("model '" + model.signature().name() + "' has no weights under '" + scope
          + "': name the sub-model's scope, its class name with a lower-case first letter");
    }
    if (!problems.isEmpty()) {
      throw new IOException(checkpoint + " (model '" + saved.modelName() + "') cannot fill sub-model '" + scope
          + "' of '" + model.signature().name() + "': " + String.join("; ", problems));
    }
    Checkpoints.assign(model, values, shapes);
    return List.copyOf(values.keySet());
  }
}
