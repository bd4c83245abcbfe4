package dev.deepwire.examples.app;

import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.dnn.FashionDnn;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.Predictor;
import dev.deepwire.runtime.export.ServingLayout;
import dev.deepwire.serving.ModelServer;
import dev.deepwire.serving.ServerConfig;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An application service that classifies clothing in-process with an injected {@code Predictor<FashionDnn>}
 * and publishes the same weights to its injected {@link ModelServer} as a new SavedModel version.
 */
public final class ClothingService {

  /** The model's name in the server's URLs. */
  public static final String MODEL = "fashion";

  private final Predictor<FashionDnn> predictor;
  private final CompiledModel<FashionDnn> model;
  private final ModelServer server;
  private final Path base;

  @Inject
  ClothingService(Predictor<FashionDnn> predictor, CompiledModel<FashionDnn> model, ModelServer server,
      ServerConfig config) {
    this.predictor = predictor;
    this.model = model;
    this.server = server;
    this.base = config.models().get(MODEL);
    if (base == null) {
      throw new IllegalArgumentException("the server config has no model '" + MODEL + "'");
    }
  }

  /** The clothing class of a 28×28 image (784 floats in [0, 1], row-major). */
  public String classify(float[] image) {
    return FashionMnist.CLASS_NAMES.get(predictor.predictClass(image));
  }

  /** The class scores of a 28×28 image. */
  public float[] scores(float[] image) {
    return predictor.predict(image);
  }

  /** Exports the current weights as the next version and has the server load it now; returns the version. */
  public long publish() throws IOException {
    long version = ServingLayout.nextVersion(base);
    model.export(base, version);
    server.refresh();
    return version;
  }
}
