package dev.deepwire.peers;

import dev.deepwire.benchmarks.suite.Batches;
import dev.deepwire.benchmarks.suite.PeerSubject;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The benchmark networks in DL4J, as its user guide writes them: a {@code MultiLayerNetwork}, Xavier-uniform
 * (Glorot) weights, Adam 1e-3, softmax output with multi-class cross-entropy, {@code fit(DataSet)} per batch.
 */
final class Dl4jSubject implements PeerSubject {

  private final MultiLayerNetwork network;

  private Dl4jSubject(MultiLayerNetwork network) {
    this.network = network;
    network.init();
  }

  /** {@code mlp} or {@code cnn}. */
  static PeerSubject create(String name) {
    NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
        .seed(42)
        .updater(new Adam(1e-3))
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .list();
    switch (name) {
      case "mlp" -> layers
          .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
          .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
          .layer(output())
          .setInputType(InputType.feedForward(784));
      case "cnn" -> layers
          .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
          .layer(maxPool())
          .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).build())
          .layer(maxPool())
          .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
          .layer(output())
          .setInputType(InputType.convolutionalFlat(28, 28, 1));
      default -> throw new IllegalArgumentException("unknown model " + name + "; expected mlp or cnn");
    }
    return new Dl4jSubject(new MultiLayerNetwork(layers.build()));
  }

  private static OutputLayer output() {
    return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build();
  }

  private static SubsamplingLayer maxPool() {
    return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
  }

  @Override
  public void train(float[] images, int[] labels, int count, int batch, long seed) {
    Batches.shuffled(images, count, batch, seed, (x, order, from, n) -> {
      INDArray features = Nd4j.create(x, new long[] {n, Batches.PIXELS}, 'c');
      INDArray targets = Nd4j.create(Batches.oneHot(labels, order, from, n), new long[] {n, 10}, 'c');
      network.fit(new DataSet(features, targets));
    });
  }

  @Override
  public float[] predict(float[] images, int count) {
    return network.output(Nd4j.create(images, new long[] {count, Batches.PIXELS}, 'c')).data().asFloat();
  }

  @Override
  public void close() {
    network.close();
  }
}
