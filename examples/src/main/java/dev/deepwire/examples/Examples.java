package dev.deepwire.examples;

import dev.deepwire.examples.bert.BertClassifyExample;
import dev.deepwire.examples.bert.BertPretrainExample;
import dev.deepwire.examples.caption.CaptionExample;
import dev.deepwire.examples.capsnet.CapsNetExample;
import dev.deepwire.examples.cnn.CnnExample;
import dev.deepwire.examples.cnn1d.Cnn1dExample;
import dev.deepwire.examples.cnn3d.Cnn3dExample;
import dev.deepwire.examples.dnn.DnnExample;
import dev.deepwire.examples.g2p.G2pExample;
import dev.deepwire.examples.generative.DenoisingExample;
import dev.deepwire.examples.generative.GanExample;
import dev.deepwire.examples.generative.HashingExample;
import dev.deepwire.examples.generative.InpaintingExample;
import dev.deepwire.examples.generative.ReconstructionExample;
import dev.deepwire.examples.generative.SparseExample;
import dev.deepwire.examples.generative.VaeExample;
import dev.deepwire.examples.regression.RegressionExample;
import dev.deepwire.examples.rnn.RnnExample;
import dev.deepwire.examples.seq2vec.Seq2VecExample;
import dev.deepwire.examples.seq2vec.TransformerSpamExample;
import dev.deepwire.examples.siamese.SiameseBilstmExample;
import dev.deepwire.examples.siamese.SiameseCapsNetExample;
import dev.deepwire.examples.siamese.SiameseCnnExample;
import dev.deepwire.examples.siamese.SiameseLstmExample;
import dev.deepwire.examples.timeseries.TimeSeriesGruExample;
import dev.deepwire.examples.timeseries.TimeSeriesLstmExample;
import java.util.List;
import java.util.Optional;

/** Every example the command line knows, in {@code list} order. */
public final class Examples {

  private static final List<Example> ALL = List.of(new DnnExample(), new RegressionExample(), new CnnExample(),
      new Cnn1dExample(), new Cnn3dExample(), new TimeSeriesLstmExample(), new TimeSeriesGruExample(),
      new Seq2VecExample(), new G2pExample(), G2pExample.transformer(), new CaptionExample(),
      new TransformerSpamExample(), new RnnExample(),
      new ReconstructionExample(), new SparseExample(), new DenoisingExample(), new HashingExample(),
      new InpaintingExample(), new VaeExample(), new GanExample(), new CapsNetExample(), new SiameseCnnExample(),
      new SiameseCapsNetExample(), new SiameseLstmExample(), new SiameseBilstmExample(),
      new BertPretrainExample(), new BertClassifyExample());

  private Examples() {}

  public static List<Example> all() {
    return ALL;
  }

  /** The example called {@code name}, if any. */
  public static Optional<Example> named(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
