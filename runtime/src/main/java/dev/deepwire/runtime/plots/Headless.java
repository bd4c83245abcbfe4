package dev.deepwire.runtime.plots;

/** Switches AWT to headless mode before the first drawing, unless the application chose a mode itself. */
final class Headless {

  private Headless() {}

  /** Sets {@code java.awt.headless=true} when the property is unset; a no-op once AWT has started. */
  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
