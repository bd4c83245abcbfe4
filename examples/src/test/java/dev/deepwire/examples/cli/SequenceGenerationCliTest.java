package dev.deepwire.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepwire.examples.g2p.G2pData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sequence-generation examples on bundled data, through the command line. */
class SequenceGenerationCliTest {

  @Test
  void captionSpellsHeldOutDigitStrips(@TempDir Path out) throws Exception {
    CliRun train = CliRun.of("train", "caption", "--epochs", "4", "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    assertEquals(2000, report.get("test_examples").asInt());
    assertTrue(report.get("test_exact_match").asDouble() >= 0.9, "exact match " + report.get("test_exact_match"));
    assertTrue(report.get("test_exact_match_beam3").asDouble() >= 0.9, report.toString());
  }

  @Test
  void g2pLearnsAndTranscribesUnseenWords(@TempDir Path out) throws Exception {
    CliRun train = CliRun.of("train", "g2p", "--epochs", "3", "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    double attentionPer = report.get("attention_per").asDouble();
    assertTrue(attentionPer < 0.5, "attention PER after 3 epochs " + attentionPer);
    assertTrue(report.get("plain_per").asDouble() < 1, report.toString());
    for (JsonNode map : report.get("attention_maps")) {
      assertTrue(Files.isRegularFile(Path.of(map.asText())), map.asText());
    }

    CliRun predict = CliRun.of("predict", "g2p", "--text", "Deepwire java", "--out", out.toString());
    assertEquals(0, predict.exitCode(), predict.err());
    List<String> lines = predict.out().strip().lines().toList();
    assertEquals(2, lines.size(), predict.out());
    assertTrue(lines.get(0).startsWith("deepwire -> "), lines.get(0));
    for (String phoneme : lines.get(0).substring("deepwire -> ".length()).split(" ")) {
      assertTrue(G2pData.PHONEME_VOCABULARY.id(phoneme) >= 4, "not a phoneme: '" + phoneme + "' in " + lines);
    }

    CliRun bad = CliRun.of("predict", "g2p", "--text", "r2d2", "--out", out.toString());
    assertEquals(1, bad.exitCode());
    assertEquals("error: 'r2d2' has '2', which is neither a letter a-z nor an apostrophe", bad.err().strip());
  }

  @Test
  void transformerG2pLearnsAndTranscribesUnseenWords(@TempDir Path out) throws Exception {
    CliRun train =
        CliRun.of("train", "transformer-g2p", "--epochs", "3", "--json", "--no-progress", "--out", out.toString());
    assertEquals(0, train.exitCode(), train.err());
    JsonNode report = train.json();
    double per = report.get("transformer_per").asDouble();
    assertTrue(per < 0.5, "transformer PER after 3 epochs " + per);
    assertTrue(report.get("transformer_beam4_per").asDouble() < 0.5, report.toString());
    for (JsonNode map : report.get("attention_maps")) {
      assertTrue(Files.isRegularFile(Path.of(map.asText())), map.asText());
    }

    CliRun predict = CliRun.of("predict", "transformer-g2p", "--text", "deepwire", "--out", out.toString());
    assertEquals(0, predict.exitCode(), predict.err());
    String line = predict.out().strip();
    assertTrue(line.startsWith("deepwire -> "), line);
    for (String phoneme : line.substring("deepwire -> ".length()).split(" ")) {
      assertTrue(G2pData.PHONEME_VOCABULARY.id(phoneme) >= 4, "not a phoneme: '" + phoneme + "' in " + line);
    }
  }
}
