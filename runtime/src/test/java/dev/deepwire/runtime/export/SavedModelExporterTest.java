package dev.deepwire.runtime.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.RuntimeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

class SavedModelExporterTest {

  private static final float[][] A = {{0.5f, -1f, 2f}, {1f, 0f, -3f}, {0.25f, 0.75f, 0f}};
  private static final float[][] B = {{3, 1}, {0, 2}, {-1, 5}};

  private static CompiledModel<TwoInputModel> model;
  @TempDir static Path base;
  private static Path exported;

  @BeforeAll
  static void export() throws IOException {
    model = CompiledModel.compile(new TwoInputModel(), new RuntimeOptions(7, 1, 1));
    exported = model.export(base, 3);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void writesTheServingLayoutAtomically() throws IOException {
    assertEquals(base.resolve("3"), exported);
    assertTrue(Files.isRegularFile(exported.resolve("saved_model.pb")));
    assertTrue(Files.isDirectory(exported.resolve("variables")));
    try (var children = Files.list(base)) {
      assertEquals(List.of("3"), children.map(p -> p.getFileName().toString()).toList(), "no temp folder left");
    }
    assertEquals(List.of(3L), ServingLayout.versions(base));
    assertEquals(4L, ServingLayout.nextVersion(base));
  }

  @Test
  void hasTagSignatureKeyMethodAndNames() throws IOException {
    SavedModel saved;
    try (InputStream in = Files.newInputStream(exported.resolve("saved_model.pb"))) {
      saved = SavedModel.parseFrom(in);
    }
    MetaGraphDef meta = saved.getMetaGraphs(0);
    assertEquals(List.of("serve"), meta.getMetaInfoDef().getTagsList());
    SignatureDef signature = meta.getSignatureDefOrThrow("serving_default");
    assertEquals("tensorflow/serving/predict", signature.getMethodName());
    assertEquals(Set.of("a", "b"), signature.getInputsMap().keySet());
    assertEquals(Set.of("score", "odds"), signature.getOutputsMap().keySet());
    assertEquals("input.a:0", signature.getInputsOrThrow("a").getName());
    assertEquals("output.odds:0", signature.getOutputsOrThrow("odds").getName());
  }

  @Test
  void loadedExportPredictsLikeTheModelInMemory() {
    Map<String, float[][]> expected = model.predictor().predict(Map.of("a", A, "b", B));
    SignatureDef signature;
    try (SavedModelBundle bundle = SavedModelBundle.load(exported.toString(), "serve");
         TFloat32 a = TFloat32.tensorOf(Shape.of(3, 3), DataBuffers.of(flat(A), true, false));
         TInt32 b = TInt32.tensorOf(Shape.of(3, 2), DataBuffers.of(ints(B), true, false))) {
      signature = bundle.metaGraphDef().getSignatureDefOrThrow("serving_default");
      try (Result result = bundle.session().runner()
          .feed(signature.getInputsOrThrow("a").getName(), a)
          .feed(signature.getInputsOrThrow("b").getName(), b)
          .fetch(signature.getOutputsOrThrow("score").getName())
          .fetch(signature.getOutputsOrThrow("odds").getName())
          .run()) {
        assertArrayEquals(flat(expected.get("score")), read((TFloat32) result.get(0)), 1e-6f);
        assertArrayEquals(flat(expected.get("odds")), read((TFloat32) result.get(1)), 1e-6f);
      }
    }
  }

  @Test
  void loadsInAFreshJvm() throws Exception {
    float expected = model.predictor().predict(Map.of("a", new float[][] {A[0]}, "b", new float[][] {B[0]}))
        .get("score")[0][0];
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ExportedModelProbe.class.getName(), exported.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), out);
    assertTrue(out.contains("tags=[serve]"), out);
    assertTrue(out.contains("method=tensorflow/serving/predict"), out);
    assertTrue(out.contains("inputs=[a, b]"), out);
    assertTrue(out.contains("outputs=[odds, score]"), out);
    assertTrue(out.contains(String.format(Locale.ROOT, "score=%.6f", expected)), out);
  }

  @Test
  void refusesToOverwriteAVersion() {
    assertThrows(FileAlreadyExistsException.class, () -> model.export(base, 3));
  }

  @Test
  void versionsSkipFoldersBeingWrittenAndIncompleteOnes(@TempDir Path other) throws IOException {
    Files.createDirectories(other.resolve(".export-9-123"));
    Files.createDirectories(other.resolve("5"));
    Files.createDirectories(other.resolve("12"));
    Files.writeString(other.resolve("12/saved_model.pb"), "");
    Files.createDirectories(other.resolve("2"));
    Files.writeString(other.resolve("2/saved_model.pb"), "");
    assertEquals(List.of(2L, 12L), ServingLayout.versions(other));
    assertEquals(List.of(), ServingLayout.versions(other.resolve("missing")));
    assertThrows(IllegalArgumentException.class, () -> ServingLayout.versionDir(other, -1));
  }

  private static float[] flat(float[][] rows) {
    int width = rows[0].length;
    float[] all = new float[rows.length * width];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, all, r * width, width);
    }
    return all;
  }

  private static int[] ints(float[][] rows) {
    float[] all = flat(rows);
    int[] out = new int[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = (int) all[i];
    }
    return out;
  }

  private static float[] read(TFloat32 tensor) {
    float[] values = new float[(int) tensor.shape().size()];
    tensor.asRawTensor().data().asFloats().read(values);
    return values;
  }
}
