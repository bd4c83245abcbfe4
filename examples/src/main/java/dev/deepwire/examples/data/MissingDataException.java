package dev.deepwire.examples.data;

import java.io.FileNotFoundException;

/** A data set's files are not where {@code --data} says; the message says what is missing and how to fix it. */
public final class MissingDataException extends FileNotFoundException {

  private static final long serialVersionUID = 1L;

  /** @param message what is missing, where, and what to do about it */
  public MissingDataException(String message) {
    super(message);
  }
}
