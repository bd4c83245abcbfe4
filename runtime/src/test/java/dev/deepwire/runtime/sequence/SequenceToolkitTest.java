package dev.deepwire.runtime.sequence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceToolkitTest {

  @Test
  void vocabularyPutsSpecialsFirstThenTokensByFrequency() {
    TokenVocabulary v = TokenVocabulary.build(
        List.of(TokenVocabulary.characters("abba"), TokenVocabulary.characters("cab")), 10);
    assertEquals(7, v.size());
    assertEquals("<pad>", v.token(TokenVocabulary.PAD));
    assertEquals(4, v.id("a"));
    assertEquals(5, v.id("b"));
    assertEquals(6, v.id("c"));
    assertEquals(TokenVocabulary.UNK, v.id("z"));
    assertArrayEquals(new int[] {6, 4, 5, TokenVocabulary.EOS}, v.encode(TokenVocabulary.characters("cab"), true));
    assertEquals(List.of("c", "a"), v.decode(new int[] {TokenVocabulary.BOS, 6, 4, TokenVocabulary.EOS, 5}));
  }

  @Test
  void vocabularyKeepsTheMostFrequentTokensWithinItsSize() {
    TokenVocabulary v = TokenVocabulary.build(List.of(List.of("x", "y", "y", "z", "z", "z")), 6);
    assertEquals(List.of("z", "y"), v.decode(new int[] {4, 5}));
    assertEquals(TokenVocabulary.UNK, v.id("x"));
    assertThrows(IllegalArgumentException.class, () -> v.token(6));
  }

  @Test
  void fixedVocabularyRejectsDuplicates() {
    assertEquals(5, TokenVocabulary.of(List.of("AA", "B", "CH")).id("B"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TokenVocabulary.of(List.of("AA", "AA")));
    assertEquals("token 'AA' appears twice or is a reserved special", e.getMessage());
  }

  @Test
  void teacherForcingShiftsTargetsBehindBos() {
    int[] target = {7, 8, 9};
    assertArrayEquals(new float[] {1, 7, 8, 9, 0}, TeacherForcing.decoderInput(target, 5));
    assertArrayEquals(new float[] {7, 8, 9, 2, 0}, TeacherForcing.decoderTarget(target, 5));
    assertArrayEquals(new float[] {1, 7, 8}, TeacherForcing.decoderInput(target, 3));
    assertArrayEquals(new float[] {7, 8, 2}, TeacherForcing.decoderTarget(target, 3));
  }

  @Test
  void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
    assertEquals(3, EditDistance.between(TokenVocabulary.characters("kitten"), TokenVocabulary.characters("sitting")));
    assertEquals(3, EditDistance.between(TokenVocabulary.characters("sitting"), TokenVocabulary.characters("kitten")));
    assertEquals(4, EditDistance.between(List.of(), List.of(1, 2, 3, 4)));
    assertEquals(0, EditDistance.between(List.of("K", "AE1", "T"), List.of("K", "AE1", "T")));
    assertEquals(1, EditDistance.between(List.of("K", "AE1", "T"), List.of("K", "AH0", "T")));
  }

  @Test
  void errorRatesAggregateOverSequences() {
    ErrorRates rates = new ErrorRates();
    rates.add(List.of("K", "AE1", "T"), List.of("K", "AE1", "T"));
    rates.add(List.of("D", "AO1", "G"), List.of("D", "AA1", "G", "Z"));
    // Edits: 0 + 2 (one substitution, one insertion) over 6 reference phones; one of two words wrong.
    assertEquals(2.0 / 6, rates.tokenErrorRate(), 1e-12);
    assertEquals(0.5, rates.sequenceErrorRate(), 1e-12);
    assertEquals(5.0 / 6, rates.tokenAccuracy(), 1e-12);
    assertEquals(2, rates.count());
  }
}
