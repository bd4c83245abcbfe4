package dev.deepwire.runtime.tensorboard;

import dev.deepwire.runtime.CompiledModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * Reads a model's weights out of its session, without changing its graph: every float {@code VariableV2}
 * whose name has no {@code '-'}. Weight names are dotted Java paths ({@code hidden.kernel}); optimizer
 * state is named with a dash ({@code hidden.kernel-m}, {@code adam-beta1_power}) and is left out.
 */
public final class ModelWeights {

  private ModelWeights() {}

  /** The names of the weights, sorted. */
  public static List<String> names(CompiledModel<?> model) {
    List<String> names = new ArrayList<>();
    for (Iterator<GraphOperation> it = model.graph().operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("VariableV2") && !op.name().contains("-")
          && isFloat(op.output(0).dataType())) {
        names.add(op.name());
      }
    }
    names.sort(null);
    return names;
  }

  /** The current value of every weight, flattened, by name in sorted order; fetched in one run. */
  public static Map<String, float[]> read(CompiledModel<?> model) {
    List<String> names = names(model);
    Map<String, float[]> values = new LinkedHashMap<>();
    if (names.isEmpty()) {
      return values;
    }
    Session.Runner runner = model.session().runner();
    names.forEach(runner::fetch);
    try (Result result = runner.run()) {
      for (int i = 0; i < names.size(); i++) {
        Tensor tensor = result.get(i);
        float[] flat = new float[(int) tensor.shape().size()];
        ((TFloat32) tensor).asRawTensor().data().asFloats().read(flat);
        values.put(names.get(i), flat);
      }
    }
    return values;
  }

  private static boolean isFloat(DataType type) {
    return type == DataType.DT_FLOAT || type == DataType.DT_FLOAT_REF;
  }
}
