package dev.deepwire.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenMaskerTest {

  static final int LENGTH = 40;
  static final int VOCABULARY = 500;

  /** {@code n} sequences: [CLS], words (some unknown), then padding from a random point. */
  static int[] sequences(int n) {
    SplittableRandom random = new SplittableRandom(3);
    int[] ids = new int[n * LENGTH];
    for (int s = 0; s < n; s++) {
      ids[s * LENGTH] = MaskedLmVocabulary.CLS;
      int real = 10 + random.nextInt(LENGTH - 10);
      for (int t = 1; t < real; t++) {
        ids[s * LENGTH + t] = random.nextInt(20) == 0 ? MaskedLmVocabulary.UNKNOWN
            : MaskedLmVocabulary.FIRST_WORD + random.nextInt(VOCABULARY - MaskedLmVocabulary.FIRST_WORD);
      }
    }
    return ids;
  }

  @Test
  void choosesFifteenPercentOfTheWordsAndMasksThemEightyTenTen() {
    int n = 2000;
    int[] ids = sequences(n);
    TokenMasker.Masked m = new TokenMasker(VOCABULARY).mask(ids, LENGTH, 7);
    int slots = TokenMasker.slots(LENGTH);
    assertEquals(6, slots);
    long words = 0;
    long chosen = 0;
    long masked = 0;
    long kept = 0;
    long replaced = 0;
    for (int s = 0; s < n; s++) {
      int sequenceWords = 0;
      for (int t = 0; t < LENGTH; t++) {
        sequenceWords += ids[s * LENGTH + t] >= MaskedLmVocabulary.FIRST_WORD ? 1 : 0;
      }
      words += sequenceWords;
      int used = 0;
      int previous = -1;
      for (int slot = 0; slot < slots; slot++) {
        int i = s * slots + slot;
        if (m.weights()[i] == 0) {
          assertEquals(0, m.targets()[i], "an unused slot has no target");
          assertEquals(0f, m.positions()[i], "an unused slot points nowhere");
          continue;
        }
        assertEquals(used, slot, "used slots come first");
        used++;
        int t = (int) m.positions()[i];
        assertTrue(t > previous, "positions ascend and differ");
        previous = t;
        int original = ids[s * LENGTH + t];
        assertTrue(original >= MaskedLmVocabulary.FIRST_WORD, "never padding, [CLS] or [UNK]");
        assertEquals(original, m.targets()[i], "the target is the original word");
        float input = m.inputs()[s * LENGTH + t];
        if (input == MaskedLmVocabulary.MASK) {
          masked++;
        } else if (input == original) {
          kept++;
        } else {
          assertTrue(input >= MaskedLmVocabulary.FIRST_WORD && input < VOCABULARY, "a random word");
          replaced++;
        }
      }
      assertEquals(Math.max(1, Math.round(0.15 * sequenceWords)), used, "15 % of the words, rounded");
      chosen += used;
    }
    assertEquals(0.15, chosen / (double) words, 0.01);
    assertEquals(0.8, masked / (double) chosen, 0.02);
    assertEquals(0.1, kept / (double) chosen, 0.015); // a random word equal to the original counts as kept
    assertEquals(0.1, replaced / (double) chosen, 0.015);
    long changed = 0;
    for (int i = 0; i < ids.length; i++) {
      changed += m.inputs()[i] != ids[i] ? 1 : 0;
    }
    assertEquals(masked + replaced, changed, "only chosen positions change");
  }

  @Test
  void theSameSeedMasksTheSameWayAndAnotherSeedDifferently() {
    int[] ids = sequences(50);
    TokenMasker masker = new TokenMasker(VOCABULARY);
    TokenMasker.Masked a = masker.mask(ids, LENGTH, 1);
    TokenMasker.Masked b = masker.mask(ids, LENGTH, 1);
    assertArrayEquals(a.inputs(), b.inputs());
    assertArrayEquals(a.positions(), b.positions());
    assertFalse(java.util.Arrays.equals(a.positions(), masker.mask(ids, LENGTH, 2).positions()));
  }

  @Test
  void rejectsRaggedSequencesAndVocabulariesWithoutWords() {
    assertThrows(IllegalArgumentException.class, () -> new TokenMasker(VOCABULARY).mask(new int[41], LENGTH, 1));
    assertThrows(IllegalArgumentException.class, () -> new TokenMasker(MaskedLmVocabulary.FIRST_WORD));
  }
}
