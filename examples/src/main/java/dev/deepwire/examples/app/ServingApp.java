package dev.deepwire.examples.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.examples.dnn.FashionDnn;
import dev.deepwire.examples.dnn.FashionDnnModule;
import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.CompiledModel;
import dev.deepwire.runtime.FitOptions;
import dev.deepwire.runtime.Trainer;
import dev.deepwire.serving.ModelServer;
import dev.deepwire.serving.ServerConfig;
import dev.deepwire.serving.ServingModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * An example application: one injector holds the model ({@code FashionDnnModule}) and the server
 * ({@link ServingModule}); the weights come from {@code runs/dnn/model.dwckpt} when {@code train dnn} has
 * run, else from one quick epoch; {@link ClothingService} publishes them and the server answers on
 * {@code http://127.0.0.1:8501/v1/models/fashion:predict} until Ctrl-C.
 *
 * <p>Arguments: {@code [model-base-dir] [port]}, default {@code runs/serving/fashion 8501}.
 */
public final class ServingApp {

  private ServingApp() {}

  public static void main(String[] args) throws Exception {
    Path base = Path.of(args.length > 0 ? args[0] : "runs/serving/fashion").toAbsolutePath();
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 8501;
    ServerConfig config = ServerConfig.builder().port(port).model(ClothingService.MODEL, base).build();
    Injector injector = Guice.createInjector(new FashionDnnModule(), new ServingModule(config));
    CompiledModel<FashionDnn> model = injector.getInstance(Key.get(new TypeLiteral<CompiledModel<FashionDnn>>() {}));
    Path checkpoint = Path.of("runs", "dnn", "model.dwckpt");
    if (Files.exists(checkpoint)) {
      Checkpoints.restore(model, checkpoint);
    } else {
      Trainer<FashionDnn> trainer = injector.getInstance(Key.get(new TypeLiteral<Trainer<FashionDnn>>() {}));
      trainer.fit(FashionMnist.load(DataSource.parse("bundled")).train(),
          FitOptions.builder().epochs(1).batchSize(64).build());
    }
    ModelServer server = injector.getInstance(ModelServer.class).start();
    ClothingService service = injector.getInstance(ClothingService.class);
    long version = service.publish();
    System.err.println("serving " + ClothingService.MODEL + " version " + version + " at " + server.uri()
        + "/v1/models/" + ClothingService.MODEL + ":predict");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      model.close();
      stopped.countDown();
    }));
    stopped.await();
  }
}
