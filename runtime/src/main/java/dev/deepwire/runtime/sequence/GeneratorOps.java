package dev.deepwire.runtime.sequence;

/**
 * The names of the one-step generation ops a sequence decoder adds to its model's graph, all under
 * {@code <decoder path with '/'>/generate.}: {@link SequenceGenerator} finds them by the decoder's name.
 */
public final class GeneratorOps {

  /** Fetch: the encoder output the decoder attends to, computed from the model's inputs. */
  public static final String ENCODED = "encoded";
  /** Fetch: its mask {@code [batch, time]} (ones when nothing is padded); absent for a vector encoding. */
  public static final String ENCODED_MASK = "encodedMask";
  /** Feed: an encoding, as fetched from {@link #ENCODED}, one row per hypothesis. */
  public static final String MEMORY = "memory";
  /** Feed: its mask. */
  public static final String MEMORY_MASK = "memoryMask";
  /** Feed: the token each hypothesis emitted last, as floats {@code [rows]}. */
  public static final String TOKEN = "token";
  /** Feed: state {@code i} before the step; fetch {@code initial<i>} for the first step. */
  public static final String STATE = "state";
  /** Fetch: state {@code i} before the first step, from {@link #MEMORY}. */
  public static final String INITIAL = "initial";
  /** Fetch: state {@code i} after the step. */
  public static final String NEXT = "next";
  /** Fetch: the next token's log-probabilities {@code [rows, vocabulary]}. */
  public static final String LOG_PROBABILITIES = "logProbabilities";
  /** Fetch: the step's attention weights {@code [rows, time]}; absent without attention. */
  public static final String ATTENTION = "attention";

  private GeneratorOps() {}

  /** The full op name of {@code what} for the decoder at {@code path} (e.g. {@code phonemes}). */
  public static String name(String path, String what) {
    return path.replace('.', '/') + "/" + local(what);
  }

  /** The name a decoder gives the op {@code what} inside its own scope; {@link #name} adds the scope. */
  public static String local(String what) {
    return "generate." + what;
  }
}
