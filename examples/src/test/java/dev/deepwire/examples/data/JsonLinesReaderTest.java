package dev.deepwire.examples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepwire.runtime.data.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

  private static final String MAILS = """
      {"text": "hello", "spam": 0}

      {"text": "win money", "spam": 1}
      {"spam": 1}
      {"text": "broken", "spam":
      {"text": 42, "spam": 0}
      {"text": "ok", "spam": "yes"}
      [1, 2]
      {"text": "last", "spam": 1}
      {"text": "trailing", "spam": 1} junk
      """;

  private static JsonLinesReader mails() {
    return JsonLinesReader.options().requireText("text").requireInt("spam");
  }

  private static BufferedReader lines(String text) {
    return new BufferedReader(new StringReader(text));
  }

  @Test
  void theFirstBadRecordFailsTheReadNamingFileAndRecord() {
    DataFormatException e = assertThrows(DataFormatException.class, () -> mails().read(lines(MAILS), "ham.jsonl"));
    assertEquals("ham.jsonl: record 3 (line 4) lacks field \"text\"", e.getMessage());
    assertEquals("ham.jsonl", e.source());
  }

  @Test
  void skippingListsEveryBadRecord() throws IOException {
    JsonLinesReader.Records records = mails().skipBadRecords(true).read(lines(MAILS), "ham.jsonl");
    assertEquals(List.of("hello", "win money", "last"),
        records.records().stream().map(r -> r.get("text").asText()).toList());
    assertEquals(6, records.skipped().size());
    assertEquals("ham.jsonl: record 3 (line 4) lacks field \"text\"", records.skipped().get(0));
    assertEquals(true, records.skipped().get(1).startsWith("ham.jsonl: record 4 (line 5) is not valid JSON: "),
        records.skipped().get(1));
    assertEquals(List.of("ham.jsonl: record 5 (line 6): field \"text\" is 42, expected a string",
        "ham.jsonl: record 6 (line 7): field \"spam\" is \"yes\", expected an integer",
        "ham.jsonl: record 7 (line 8) is array, expected a JSON object"), records.skipped().subList(2, 5));
    assertEquals(true, records.skipped().get(5).startsWith("ham.jsonl: record 9 (line 10) is not valid JSON: "),
        records.skipped().get(5));
  }
}
