package dev.deepwire.runtime;

import dev.deepwire.runtime.internal.NativeEnvironment;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of TensorFlow's CPU kernels this process runs. TensorFlow reads the choice once, when its native
 * library loads, for the whole process: choose before the first model is built. Training processes keep
 * TensorFlow's default, oneDNN; Deepwire's server picks Eigen, whose batch-1 calls are the fastest.
 *
 * <p>The user's choice wins over a program's: the system property {@value #PROPERTY} or the environment variable
 * {@value #ENVIRONMENT} ({@code onednn} or {@code eigen}), else {@code TF_ENABLE_ONEDNN_OPTS} if set.
 */
public enum CpuKernels {
  /**
   * oneDNN's kernels, TensorFlow's default on x86: the fastest for training and batched inference (measured:
   * CNN training twice as fast as on Eigen, batch-256 CNN inference 1.3 times).
   */
  ONEDNN,
  /**
   * TensorFlow's Eigen kernels: the lowest latency for one example at a time (measured: a 784-256-128-10 MLP
   * answers in about 21 µs, against 30 to 50 µs with oneDNN, whose per-call set-up dominates such small work).
   */
  EIGEN;

  /** System property that chooses the kernels: {@code onednn} or {@code eigen}. */
  public static final String PROPERTY = "deepwire.cpu.kernels";

  /** Environment variable that chooses the kernels when the property is not set. */
  public static final String ENVIRONMENT = "DEEPWIRE_CPU_KERNELS";

  /** TensorFlow's own switch: {@code 0} turns oneDNN off. */
  static final String TENSORFLOW_SWITCH = "TF_ENABLE_ONEDNN_OPTS";

  private static final Logger log = LoggerFactory.getLogger(CpuKernels.class);

  /**
   * Asks for {@code preferred} unless the user chose (property, environment or {@code TF_ENABLE_ONEDNN_OPTS}).
   * Has no effect once TensorFlow's native library is loaded.
   *
   * @return the kernels this process runs
   */
  public static synchronized CpuKernels prefer(CpuKernels preferred) {
    CpuKernels chosen = userChoice();
    try {
      if (chosen == null) {
        String tensorFlowSwitch = NativeEnvironment.get(TENSORFLOW_SWITCH);
        chosen = tensorFlowSwitch == null ? preferred : fromSwitch(tensorFlowSwitch);
      }
      return apply(chosen);
    } catch (LinkageError e) { // JNA cannot load here (e.g. a noexec temp folder): a slower default, not a failure
      log.warn("cannot set TensorFlow's CPU kernels ({}); it runs its default, {}", e.getMessage(),
          current().optionName());
      return current();
    }
  }

  /** The kernels this process runs, or will run once TensorFlow loads. */
  public static CpuKernels current() {
    String value;
    try {
      value = NativeEnvironment.get(TENSORFLOW_SWITCH);
    } catch (LinkageError e) {
      value = System.getenv(TENSORFLOW_SWITCH); // unchanged since start, as nothing here could set it
    }
    return value == null ? ONEDNN : fromSwitch(value);
  }

  /** The name the property and environment variable take. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code onednn} or {@code eigen}, any case. */
  public static CpuKernels parse(String name) {
    for (CpuKernels kernels : values()) {
      if (kernels.optionName().equalsIgnoreCase(name.strip())) {
        return kernels;
      }
    }
    throw new IllegalArgumentException("unknown CPU kernels '" + name + "'; expected onednn or eigen");
  }

  private static CpuKernels userChoice() {
    String property = System.getProperty(PROPERTY);
    if (property != null) {
      return parse(property);
    }
    String environment = System.getenv(ENVIRONMENT);
    return environment == null ? null : parse(environment);
  }

  private static CpuKernels apply(CpuKernels wanted) {
    CpuKernels running = current();
    if (NativeEnvironment.tensorFlowLoaded()) {
      if (running != wanted) {
        log.warn("TensorFlow is loaded already with {} kernels; {} needs choosing before the first model is built",
            running.optionName(), wanted.optionName());
      }
      return running;
    }
    NativeEnvironment.set(TENSORFLOW_SWITCH, wanted == EIGEN ? "0" : "1");
    log.debug("TensorFlow CPU kernels: {}", wanted.optionName());
    return wanted;
  }

  /** TensorFlow's reading of its switch: {@code 0} or {@code false} is off. */
  private static CpuKernels fromSwitch(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("0") || v.equals("false") ? EIGEN : ONEDNN;
  }
}
