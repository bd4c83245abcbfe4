package dev.deepwire.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepwire.examples.data.DataSource;
import dev.deepwire.examples.data.FashionMnist;
import dev.deepwire.runtime.data.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sample-request}: prints a TensorFlow Serving {@code :predict} body holding the first Fashion-MNIST
 * test images (row format), to try a served model with curl.
 */
@Command(name = "sample-request",
    description = "Prints a TF Serving predict request with the first Fashion-MNIST test images, for curl.")
final class SampleRequestCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--count", defaultValue = "2", description = "how many images (default: ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--channels", description = "give each pixel a channel axis, [28][28][1], as the CNN's input")
  boolean channels;

  @Option(names = "--data", defaultValue = "bundled", paramLabel = "bundled|full|DIR")
  String data;

  @Override
  public Integer call() throws Exception {
    Dataset test = FashionMnist.load(DataSource.parse(data)).test();
    List<Object> instances = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < Math.min(count, test.size()); i++) {
      float[] pixels = test.floats(FashionMnist.IMAGE).example(i);
      float[][] image = new float[FashionMnist.SIDE][FashionMnist.SIDE];
      for (int r = 0; r < FashionMnist.SIDE; r++) {
        System.arraycopy(pixels, r * FashionMnist.SIDE, image[r], 0, FashionMnist.SIDE);
      }
      instances.add(channels ? withChannelAxis(image) : image);
      labels.add(FashionMnist.CLASS_NAMES.get(test.ints(FashionMnist.LABEL).values()[i]));
    }
    spec.commandLine().getErr().println("true labels: " + labels);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instances", instances);
    spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(body));
    return 0;
  }

  private static float[][][] withChannelAxis(float[][] image) {
    float[][][] nested = new float[image.length][image[0].length][1];
    for (int r = 0; r < image.length; r++) {
      for (int c = 0; c < image[r].length; c++) {
        nested[r][c][0] = image[r][c];
      }
    }
    return nested;
  }
}
