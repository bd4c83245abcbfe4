package dev.deepwire.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.runtime.CpuKernels;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that is the first in its process to load TensorFlow runs the kernels its config asks for. TensorFlow
 * is loaded in this JVM already, so each case starts a child JVM.
 */
class ServerCpuKernelsTest {

  @Test
  void aServerStartsTensorFlowOnEigenKernelsByDefault() throws Exception {
    assertEquals("eigen", child("default"));
  }

  @Test
  void aServerConfiguredForOneDnnKeepsIt() throws Exception {
    assertEquals("onednn", child("onednn"));
  }

  @Test
  void theKernelsMustBeSet() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServerConfig.builder().cpuKernels(null).build());
    assertEquals("cpuKernels must be set (EIGEN or ONEDNN)", e.getMessage());
  }

  private static String child(String kernels) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Child.class.getName(), kernels)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("TF_ENABLE_ONEDNN_OPTS");
    builder.environment().remove(CpuKernels.ENVIRONMENT);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, process.exitValue(), out);
    return out;
  }

  /** Starts and stops a server with no models, then prints the kernels TensorFlow runs with. */
  public static final class Child {
    public static void main(String[] args) {
      ServerConfig.Builder config = ServerConfig.builder().port(0);
      if (!args[0].equals("default")) {
        config.cpuKernels(CpuKernels.parse(args[0]));
      }
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      try (ModelServer server = new ModelServer(config.build(), registry)) {
        server.start();
      }
      try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) { // TensorFlow loads after the choice
        System.out.println(CpuKernels.current().optionName());
      }
    }
  }
}
