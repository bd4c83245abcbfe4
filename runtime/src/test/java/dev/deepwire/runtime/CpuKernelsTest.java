package dev.deepwire.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * TensorFlow reads its kernel switch once per process, so each case runs in a child JVM of its own and reports
 * what it asked for, what it got, and which kernel TensorFlow's own trace says ran a MatMul.
 */
class CpuKernelsTest {

  @Test
  void preferringEigenBeforeTensorFlowLoadsRunsEigenKernels() throws Exception {
    assertEquals(List.of("prefer=eigen", "current=eigen", "matmul=eigen", "after-load=eigen"),
        child(List.of(), List.of(), "eigen"));
  }

  @Test
  void tensorFlowsDefaultIsOneDnn() throws Exception {
    assertEquals(List.of("prefer=onednn", "current=onednn", "matmul=onednn", "after-load=onednn"),
        child(List.of(), List.of(), "onednn"));
  }

  @Test
  void theUsersPropertyWinsOverTheProgramsPreference() throws Exception {
    assertEquals(List.of("prefer=onednn", "current=onednn", "matmul=onednn", "after-load=onednn"),
        child(List.of("-D" + CpuKernels.PROPERTY + "=onednn"), List.of(), "eigen"));
  }

  @Test
  void anExplicitTensorFlowSwitchWinsOverTheProgramsPreference() throws Exception {
    assertEquals(List.of("prefer=eigen", "current=eigen", "matmul=eigen", "after-load=eigen"),
        child(List.of(), List.of(CpuKernels.TENSORFLOW_SWITCH + "=0"), "onednn"));
  }

  @Test
  void unknownKernelNamesAreRejectedWithTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuKernels.parse("mkl"));
    assertEquals("unknown CPU kernels 'mkl'; expected onednn or eigen", e.getMessage());
    assertEquals(CpuKernels.EIGEN, CpuKernels.parse(" Eigen "));
  }

  private static List<String> child(List<String> jvmOptions, List<String> environment, String preferred)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), preferred));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove(CpuKernels.TENSORFLOW_SWITCH);
    builder.environment().remove(CpuKernels.ENVIRONMENT);
    for (String variable : environment) {
      String[] pair = variable.split("=", 2);
      builder.environment().put(pair[0], pair[1]);
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, process.exitValue(), out);
    return List.of(out.split("\n"));
  }

  /** Prefers the kernels its argument names, runs a traced MatMul, then prefers the other kernels. */
  public static final class Child {
    public static void main(String[] args) {
      CpuKernels preferred = CpuKernels.parse(args[0]);
      System.out.println("prefer=" + CpuKernels.prefer(preferred).optionName());
      System.out.println("current=" + CpuKernels.current().optionName());
      System.out.println("matmul=" + matMulKernels());
      CpuKernels other = preferred == CpuKernels.EIGEN ? CpuKernels.ONEDNN : CpuKernels.EIGEN;
      System.out.println("after-load=" + CpuKernels.prefer(other).optionName());
    }

    /** {@code onednn} when TensorFlow's trace shows the MatMul ran as one of oneDNN's ({@code _Mkl}) kernels. */
    private static String matMulKernels() {
      try (Graph graph = new Graph(); Session session = new Session(graph)) {
        Ops tf = Ops.create(graph);
        Operand<TFloat32> x = tf.placeholder(TFloat32.class);
        Operand<TFloat32> y = tf.linalg.matMul(x, tf.constant(new float[][] {{1, 2}, {3, 4}}));
        RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
        try (TFloat32 input = TFloat32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(new float[][] {{1, 1}}));
             Result result = session.runner().feed(x, input).fetch(y).setOptions(trace).runAndFetchMetadata()) {
          if (((TFloat32) result.get(0)).getFloat(0, 1) != 6f) {
            throw new AssertionError("MatMul computed " + ((TFloat32) result.get(0)).getFloat(0, 1));
          }
          for (var device : result.getMetadata().orElseThrow().getStepStats().getDevStatsList()) {
            for (NodeExecStats node : device.getNodeStatsList()) {
              if (node.getTimelineLabel().contains("MatMul")) {
                return node.getTimelineLabel().contains("_Mkl") ? "onednn" : "eigen";
              }
            }
          }
          throw new AssertionError("no MatMul in TensorFlow's trace");
        }
      }
    }
  }
}
