package dev.deepwire.peers;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.deepwire.benchmarks.suite.Batches;
import dev.deepwire.benchmarks.suite.PeerSubject;

/**
 * The benchmark networks in DJL on PyTorch, as DJL's examples write them: a {@code SequentialBlock}, Xavier
 * uniform with magnitude 3 over the fan average (= Glorot uniform) for weights, Adam 1e-3, softmax
 * cross-entropy on class indices, {@code EasyTrain.trainBatch} + {@code step} per batch, a {@code Predictor}
 * for inference. Images are NCHW, PyTorch's layout.
 */
final class DjlSubject implements PeerSubject {

  private final Model model;
  private final Trainer trainer;
  private final Predictor<NDList, NDList> predictor;
  private final Shape exampleShape;

  private DjlSubject(SequentialBlock block, Shape exampleShape) {
    this.exampleShape = exampleShape;
    model = Model.newInstance("bench", "PyTorch");
    model.setBlock(block);
    DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
        .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
            XavierInitializer.FactorType.AVG, 3), Parameter.Type.WEIGHT);
    trainer = model.newTrainer(config);
    trainer.initialize(batchShape(1));
    predictor = model.newPredictor(new NoopTranslator(null));
  }

  /** {@code mlp} or {@code cnn}. */
  static PeerSubject create(String name) {
    return switch (name) {
      case "mlp" -> new DjlSubject(new SequentialBlock()
          .add(Linear.builder().setUnits(256).build()).add(Activation::relu)
          .add(Linear.builder().setUnits(128).build()).add(Activation::relu)
          .add(Linear.builder().setUnits(10).build()), new Shape(784));
      case "cnn" -> new DjlSubject(new SequentialBlock()
          .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(32).build()).add(Activation::relu)
          .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
          .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(64).build()).add(Activation::relu)
          .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
          .add(Blocks.batchFlattenBlock())
          .add(Linear.builder().setUnits(128).build()).add(Activation::relu)
          .add(Linear.builder().setUnits(10).build()), new Shape(1, 28, 28));
      default -> throw new IllegalArgumentException("unknown model " + name + "; expected mlp or cnn");
    };
  }

  private Shape batchShape(long n) {
    return new Shape(n).addAll(exampleShape);
  }

  @Override
  public void train(float[] images, int[] labels, int count, int batch, long seed) {
    Batches.shuffled(images, count, batch, seed, (x, order, from, n) -> {
      try (NDManager step = trainer.getManager().newSubManager()) {
        NDArray features = step.create(x, batchShape(n));
        NDArray targets = step.create(Batches.classes(labels, order, from, n), new Shape(n));
        EasyTrain.trainBatch(trainer, new Batch(step, new NDList(features), new NDList(targets), n, null, null, from, count));
        trainer.step();
      }
    });
  }

  @Override
  public float[] predict(float[] images, int count) {
    try (NDManager call = model.getNDManager().newSubManager()) {
      // Softmax outside the block, as the DL4J and Deepwire networks end in one.
      return predictor.predict(new NDList(call.create(images, batchShape(count)))).singletonOrThrow()
          .softmax(-1).toFloatArray();
    } catch (TranslateException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    predictor.close();
    trainer.close();
    model.close();
  }
}
