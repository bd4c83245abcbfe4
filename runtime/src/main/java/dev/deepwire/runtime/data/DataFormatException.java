package dev.deepwire.runtime.data;

import java.io.IOException;

/**
 * A data file that cannot be read because its content is malformed: the message names the file
 * and the record, line or byte position at fault, for example
 * {@code "train-images-idx3-ubyte.gz: truncated: record 1234 of 60000 is incomplete (expected 784 bytes, found 100)"}.
 */
public final class DataFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * @param source the file (or stream) name, put in front of the message
   * @param detail what is wrong and where
   */
  public DataFormatException(String source, String detail) {
    super(source + ": " + detail);
    this.source = source;
  }

  /** The same, with the exception that revealed the problem. */
  public DataFormatException(String source, String detail, Throwable cause) {
    super(source + ": " + detail, cause);
    this.source = source;
  }

  /** The name of the file or stream at fault. */
  public String source() {
    return source;
  }
}
