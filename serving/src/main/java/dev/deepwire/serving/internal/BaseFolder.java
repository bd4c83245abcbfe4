package dev.deepwire.serving.internal;

import java.io.IOException;
import java.nio.file.Path;

/** Keeps what a model loads inside its base folder: a version folder that links elsewhere is refused. */
final class BaseFolder {

  private BaseFolder() {}

  /** Whether {@code dir}, links resolved, lies inside {@code base}, links resolved. */
  static boolean contains(Path base, Path dir) {
    try {
      return dir.toRealPath().startsWith(base.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }
}
