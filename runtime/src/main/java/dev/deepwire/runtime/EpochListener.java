package dev.deepwire.runtime;

/** Told about each finished epoch, e.g. to log or plot it. */
@FunctionalInterface
public interface EpochListener {
  void onEpochEnd(EpochResult result);
}
