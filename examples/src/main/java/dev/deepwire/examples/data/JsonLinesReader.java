package dev.deepwire.examples.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.deepwire.runtime.data.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads JSON-lines files (one object a line, blank lines ignored), checking the fields each record needs.
 * A malformed record fails the read with a {@link DataFormatException} naming the file and the record, or with
 * {@link #skipBadRecords} is left out, logged and listed in {@link Records#skipped()}.
 *
 * <pre>{@code
 * Records mails = JsonLinesReader.options().requireText("text").requireInt("spam").read(reader, "mails.jsonl");
 * }</pre>
 */
public final class JsonLinesReader {

  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesReader.class);
  /** Strict: text after the object on a line is an error, not ignored. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** What to expect of each field, and how to say it. */
  private record Requirement(String expected, Predicate<JsonNode> check) {}

  private final Map<String, Requirement> required = new LinkedHashMap<>();
  private boolean skipBadRecords;

  private JsonLinesReader() {}

  /** A reader requiring nothing and failing on the first bad record. */
  public static JsonLinesReader options() {
    return new JsonLinesReader();
  }

  /** Each record needs a string field {@code name}. */
  public JsonLinesReader requireText(String name) {
    required.put(name, new Requirement("a string", JsonNode::isTextual));
    return this;
  }

  /** Each record needs an integer field {@code name}. */
  public JsonLinesReader requireInt(String name) {
    required.put(name, new Requirement("an integer", JsonNode::canConvertToInt));
    return this;
  }

  /** Whether bad records are left out (and listed) instead of failing the read; default false. */
  public JsonLinesReader skipBadRecords(boolean skip) {
    this.skipBadRecords = skip;
    return this;
  }

  /**
   * The good records, and why each skipped one was bad.
   *
   * @param skipped messages naming the file and record, one per record left out
   */
  public record Records(List<JsonNode> records, List<String> skipped) {
    public Records {
      records = List.copyOf(records);
      skipped = List.copyOf(skipped);
    }
  }

  /** Reads every line of {@code in}; errors call it {@code sourceName}. */
  public Records read(BufferedReader in, String sourceName) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String line;
    long lineNumber = 0;
    int record = 0;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      record++;
      String where = "record " + record + " (line " + lineNumber + ")";
      try {
        records.add(check(parse(line, sourceName, where), sourceName, where));
      } catch (DataFormatException e) {
        if (!skipBadRecords) {
          throw e;
        }
        skipped.add(e.getMessage());
        LOG.warn("skipped {}", e.getMessage());
      }
    }
    return new Records(records, skipped);
  }

  private static JsonNode parse(String line, String sourceName, String where) throws DataFormatException {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new DataFormatException(sourceName, where + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private JsonNode check(JsonNode node, String sourceName, String where) throws DataFormatException {
    if (!node.isObject()) {
      throw new DataFormatException(sourceName, where + " is " + node.getNodeType().toString().toLowerCase()
          + ", expected a JSON object");
    }
    for (Map.Entry<String, Requirement> field : required.entrySet()) {
      JsonNode value = node.get(field.getKey());
      if (value == null || value.isNull()) {
        throw new DataFormatException(sourceName, where + " lacks field \"" + field.getKey() + "\"");
      }
      if (!field.getValue().check().test(value)) {
        throw new DataFormatException(sourceName, where + ": field \"" + field.getKey() + "\" is " + value
            + ", expected " + field.getValue().expected());
      }
    }
    return node;
  }
}
