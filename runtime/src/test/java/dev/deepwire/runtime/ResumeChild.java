package dev.deepwire.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * A training process for the crash test: trains TwoBlobs with a backup after every step, printing each
 * step so the test knows when to kill it. Args: backup dir, epochs, milliseconds to sleep per step.
 */
public final class ResumeChild {

  private ResumeChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int epochs = Integer.parseInt(args[1]);
    long sleep = Long.parseLong(args[2]);
    try (CompiledModel<TwoBlobsModel> model = CompiledModel.compile(new TwoBlobsModel(), ResumeTest.OPTIONS)) {
      model.trainer().fit(ResumeTest.data(), ResumeTest.fit(dir, epochs).callback(new TrainingCallback() {
        @Override
        public void onBatchEnd(TrainingContext context, long step, Map<String, Double> logs) {
          System.out.println("step " + step);
          System.out.flush();
          try {
            Thread.sleep(sleep);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }).build());
      Checkpoints.save(model, dir.resolve("final.dwckpt"), epochs);
    }
    System.out.println("done");
  }
}
