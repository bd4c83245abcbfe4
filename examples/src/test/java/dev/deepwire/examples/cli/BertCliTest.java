package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepwire.examples.bert.MlmCorpus;
import dev.deepwire.runtime.Checkpoints;
import dev.deepwire.runtime.data.TokenMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bert-pretrain} then {@code bert-classify} on the bundled data, shortened to fit CI: the masked-LM loss
 * falls, the head has no output matrix of its own, the text holds the training mails, and fine-tuning reads the
 * checkpoint and vocabulary.
 */
class BertCliTest {

  @Test
  void pretrainsWithATiedHeadThenFineTunesTheEncoder(@TempDir Path runs) throws Exception {
    assertEquals(TokenMasker.slots(MlmCorpus.LENGTH), MlmCorpus.SLOTS, "the model's slots are the masker's");
    Path pretrained = runs.resolve("bert-pretrain");
    CliRun pre = CliRun.of("train", "bert-pretrain", "--epochs", "2", "--json", "--no-progress", "--out",
        pretrained.toString());
    assertEquals(0, pre.exitCode(), pre.err());
    JsonNode report = pre.json();
    double first = report.get("epoch_losses").get(0).asDouble();
    double second = report.get("epoch_losses").get(1).asDouble();
    assertTrue(second < first - 0.3, "masked-LM loss " + first + " then " + second);
    assertEquals("the", report.get("baseline_token").asText());
    assertEquals(1600, report.get("pretraining_mails").asInt(), "the training split's mails, never the test mails");
    assertTrue(Files.exists(pretrained.resolve("vocabulary.txt")));

    Map<String, long[]> shapes = Checkpoints.read(pretrained.resolve("model.dwckpt")).shapes();
    List<String> tables = shapes.entrySet().stream()
        .filter(e -> !e.getKey().contains("-")) // optimizer slots are <weight>-<slot>
        .filter(e -> Arrays.equals(e.getValue(), new long[] {MlmCorpus.VOCABULARY, MlmCorpus.WIDTH})
            || Arrays.equals(e.getValue(), new long[] {MlmCorpus.WIDTH, MlmCorpus.VOCABULARY}))
        .map(Map.Entry::getKey).toList();
    assertEquals(List.of("bertEncoder.vectors.embeddings"), tables, "the head projects with the embedding table");

    CliRun classify = CliRun.of("train", "bert-classify", "--epochs", "2", "--json", "--no-progress", "--out",
        runs.resolve("bert-classify").toString());
    assertEquals(0, classify.exitCode(), classify.err());
    JsonNode fine = classify.json();
    assertEquals(500, fine.get("small_subset_mails").asInt());
    assertEquals(400, fine.get("test_examples").asInt());
    assertEquals(3, fine.get("small_pretrained_accuracies").size(), fine.toString());
    assertNotEquals(fine.get("small_scratch_accuracy").asDouble(), fine.get("small_pretrained_accuracy").asDouble(),
        "pre-trained weights change the run");
    double accuracy = fine.get("test_accuracy").asDouble();
    assertTrue(accuracy >= 0.85, "fine-tuned test accuracy after 2 epochs " + accuracy);
  }

  @Test
  void fineTuningWithoutAPretrainedEncoderSaysWhatToRun(@TempDir Path runs) {
    CliRun classify = CliRun.of("train", "bert-classify", "--json", "--no-progress", "--out",
        runs.resolve("bert-classify").toString());
    assertNotEquals(0, classify.exitCode());
    assertTrue(classify.err().contains("no pre-trained encoder in " + runs.resolve("bert-pretrain").toAbsolutePath()
        + " (expected model.dwckpt and vocabulary.txt): run `train bert-pretrain --out"), classify.err());
  }
}
