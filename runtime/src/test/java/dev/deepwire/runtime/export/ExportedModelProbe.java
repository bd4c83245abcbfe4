package dev.deepwire.runtime.export;

import java.util.Locale;
import java.util.TreeSet;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Run in a fresh JVM by a test: loads an export and prints its signature and one prediction. */
public final class ExportedModelProbe {

  private ExportedModelProbe() {}

  public static void main(String[] args) {
    try (SavedModelBundle bundle = SavedModelBundle.load(args[0], ServingLayout.TAG)) {
      SignatureDef signature = bundle.metaGraphDef().getSignatureDefOrThrow(ServingLayout.SIGNATURE_KEY);
      System.out.println("tags=" + bundle.metaGraphDef().getMetaInfoDef().getTagsList());
      System.out.println("method=" + signature.getMethodName());
      System.out.println("inputs=" + new TreeSet<>(signature.getInputsMap().keySet()));
      System.out.println("outputs=" + new TreeSet<>(signature.getOutputsMap().keySet()));
      try (TFloat32 a = TFloat32.tensorOf(Shape.of(1, 3), DataBuffers.of(new float[] {0.5f, -1f, 2f}, true, false));
           TInt32 b = TInt32.tensorOf(Shape.of(1, 2), DataBuffers.of(new int[] {3, 1}, true, false));
           Result result = bundle.session().runner()
               .feed(signature.getInputsOrThrow("a").getName(), a)
               .feed(signature.getInputsOrThrow("b").getName(), b)
               .fetch(signature.getOutputsOrThrow("score").getName()).run()) {
        float score = ((TFloat32) result.get(0)).getFloat(0, 0);
        System.out.println(String.format(Locale.ROOT, "score=%.6f", score));
      }
    }
  }
}
