package dev.deepwire.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskedLmVocabularyTest {

  static final List<String> TEXTS = List.of("the whale and the sea", "the sea! Call me Ishmael");

  @Test
  void specialTokensComeFirstThenWordsByFrequency() {
    MaskedLmVocabulary v = MaskedLmVocabulary.build(TEXTS, 7);
    assertEquals(List.of("[PAD]", "[UNK]", "[MASK]", "[CLS]", "the", "sea", "!"),
        List.of(v.token(0), v.token(1), v.token(2), v.token(3), v.token(4), v.token(5), v.token(6)));
    assertEquals(7, v.size());
    assertEquals(MaskedLmVocabulary.UNKNOWN, v.id("whale"), "beyond the size");
    assertArrayEquals(new float[] {MaskedLmVocabulary.CLS, 4, 1, 1, 4, 5, 0}, v.encodeWithCls("The whale and the sea",
        7));
  }

  @Test
  void savesAndLoadsTheSameIds(@TempDir Path dir) throws IOException {
    MaskedLmVocabulary v = MaskedLmVocabulary.build(TEXTS, 9);
    v.save(dir.resolve("v/vocabulary.txt"));
    MaskedLmVocabulary back = MaskedLmVocabulary.load(dir.resolve("v/vocabulary.txt"));
    assertEquals(v.size(), back.size());
    assertArrayEquals(v.ids("call me the whale"), back.ids("call me the whale"));
  }

  @Test
  void aFileWithoutTheSpecialTokensIsRefused(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("words.txt"), "the\nsea\nwhale\nand\nme\n");
    IOException e = assertThrows(IOException.class, () -> MaskedLmVocabulary.load(file));
    assertTrue(e.getMessage().contains("not a masked-LM vocabulary"), e.getMessage());
  }
}
