package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autoencoder and generator examples on the bundled subset (10,000 training and 2,000 test images),
 * shortened to fit the test budget; thresholds leave room below the figures measured at seed 42.
 */
class GenerativeExamplesCliTest {

  /** Shared by the VAE and GAN tests so that the FID classifier trains once (it is kept in the output). */
  @TempDir static Path generators;

  private static JsonNode train(Path out, String example, String epochs) throws Exception {
    CliRun run = CliRun.of("train", example, "--data", "bundled", "--epochs", epochs, "--json", "--no-progress",
        "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    return run.json();
  }

  @Test
  void autoencoderReconstructsAndEncodesTo32Values(@TempDir Path out) throws Exception {
    JsonNode report = train(out, "autoencoder", "1");
    assertTrue(report.get("test_mse").asDouble() < 0.04, "test MSE " + report.get("test_mse"));
    assertTrue(Files.size(Path.of(report.get("reconstructions_png").asText())) > 1000);

    CliRun predict = CliRun.of("predict", "autoencoder", "--count", "2", "--out", out.toString());
    assertEquals(0, predict.exitCode(), predict.err());
    assertTrue(predict.out().contains("#1 code ["), predict.out());
    assertEquals(32, predict.lines().get(0).split(",").length, predict.out());
  }

  @Test
  void sparsityPenaltyPullsTheMeanActivationTowardsItsTarget(@TempDir Path out) throws Exception {
    // Without the penalty sigmoid units start near 0.5; the target is 0.05.
    JsonNode report = train(out, "sparse-autoencoder", "1");
    assertTrue(report.get("mean_activation").asDouble() < 0.2, report.toString());
    assertTrue(report.get("test_sparsity").asDouble() > 0, report.toString());
  }

  @Test
  void denoisingHalvesTheErrorOfNoisyTestImages(@TempDir Path out) throws Exception {
    // 2 epochs measured restored/noisy = 0.099; the issue asks for at most 0.5.
    JsonNode report = train(out, "denoising-autoencoder", "2");
    double ratio = report.get("restored_over_noisy").asDouble();
    assertTrue(ratio <= 0.5, "restored MSE / noisy MSE " + ratio);

    CliRun evaluate = CliRun.of("evaluate", "denoising-autoencoder", "--json", "--out", out.toString());
    assertEquals(0, evaluate.exitCode(), evaluate.err());
    assertEquals(report.get("restored_mse").asDouble(), evaluate.json().get("restored_mse").asDouble(), 1e-9);
  }

  @Test
  void hashingNeighboursShareTheirClassFarAboveChance(@TempDir Path out) throws Exception {
    // 2 epochs measured 0.64 against a 10,000-image database; the full set (60,000) reaches more.
    JsonNode report = train(out, "hashing", "2");
    double precision = report.get("precision_at_10").asDouble();
    assertTrue(precision >= 0.55, "precision@10 " + precision);
    assertEquals(64, report.get("bits").asInt());
  }

  @Test
  void inpaintingFillsThePatchBetterThanTheMeanImage(@TempDir Path out) throws Exception {
    JsonNode report = train(out, "inpainting", "2");
    double filled = report.get("patch_mse_inpainted").asDouble();
    assertTrue(filled <= 0.5 * report.get("patch_mse_mean_image").asDouble(), report.toString());
    assertTrue(filled <= 0.2 * report.get("patch_mse_blank").asDouble(), report.toString());
    assertTrue(Files.size(Path.of(report.get("inpainting_png").asText())) > 1000);
  }

  @Test
  void vaeReportsItsElboPartsDrawsAndBeatsItsUntrainedDecoder() throws Exception {
    // 2 epochs measured KL 15.3 nats, ELBO -262 nats, FID 70 trained vs 146 untrained.
    JsonNode report = train(generators, "vae", "2");
    double kl = report.get("test_kl_nats").asDouble();
    assertTrue(kl > 1, "KL " + kl);
    assertEquals(-(report.get("test_reconstruction_nats").asDouble() + kl), report.get("test_elbo_nats").asDouble(),
        1e-6);
    assertTrue(report.get("fid_ratio").asDouble() < 0.75, report.toString());
    assertTrue(Files.size(Path.of(report.get("samples_png").asText())) > 1000);
    assertTrue(Files.size(Path.of(report.get("traversal_png").asText())) > 1000);
  }

  @Test
  void ganDrawsASampleGridPerEpoch() throws Exception {
    JsonNode report = train(generators, "gan", "1");
    assertTrue(Files.size(generators.resolve("samples_epoch_1.png")) > 1000);
    assertTrue(report.get("fid_trained").asDouble() < report.get("fid_untrained").asDouble(), report.toString());
    double realScore = report.get("d_real").asDouble();
    assertTrue(realScore > 0 && realScore < 1, report.toString());
  }
}
