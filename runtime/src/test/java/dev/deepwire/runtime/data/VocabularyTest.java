package dev.deepwire.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens and ids for embeddings. */
class VocabularyTest {

  @Test
  void tokenizerLowerCasesAndKeepsWordsMoneyAndBangs() {
    assertEquals(List.of("win", "$1000", "now", "!", "!", "don't", "wait"),
        Tokenizer.words("WIN $1000 now!! Don't -- wait."));
  }

  @Test
  void idsRankByFrequencyWithPaddingAndUnknownReserved() {
    Vocabulary v = Vocabulary.build(List.of("b a b c", "b a d"), 4);
    assertEquals(4, v.size());
    assertEquals(2, v.id("b"));
    assertEquals(3, v.id("a"));
    assertEquals(Vocabulary.UNKNOWN, v.id("c"));
    assertArrayEquals(new float[] {3, 2, 1, 0, 0}, v.encode("a b zebra", 5));
    assertArrayEquals(new float[] {2, 2}, v.encode("b b b", 2));
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(List.of("a"), 2));
  }
}
