package dev.deepwire.examples.g2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepwire.examples.data.DataSource;
import dev.deepwire.runtime.data.DataFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CmuDictTest {

  private static List<Pronunciation> parse(String text) throws IOException {
    return CmuDict.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "dict.txt");
  }

  @Test
  void dropsAlternatesAndNonWordsAndStress() throws IOException {
    List<Pronunciation> entries = parse(";;; comment\nA  AH0\nA(1)  EY1\nA'S  EY1 Z\nA42128  EY1 F\n"
        + "AIR_FORCE  EH1 R\nCAT  K AE1 T\n");
    assertEquals(List.of(new Pronunciation("a", List.of("AH")), new Pronunciation("a's", List.of("EY", "Z")),
        new Pronunciation("cat", List.of("K", "AE", "T"))), entries);
  }

  @Test
  void aMalformedLineNamesTheFileAndLine() {
    DataFormatException missing = assertThrows(DataFormatException.class, () -> parse("A  AH0\nBROKEN\n"));
    assertEquals("dict.txt: line 2: expected a word and its phonemes, found 'BROKEN'", missing.getMessage());
    DataFormatException phoneme = assertThrows(DataFormatException.class, () -> parse("CAT  K ae1 T\n"));
    assertEquals("dict.txt: line 1: 'ae1' is not an ARPAbet phoneme (expected capitals and an optional stress"
        + " digit)", phoneme.getMessage());
  }

  @Test
  void theBundledSampleSplitsNinetyTenByWord() throws IOException {
    List<Pronunciation> entries = CmuDict.read(DataSource.bundled());
    assertTrue(entries.size() > 9000, "bundled entries: " + entries.size());
    CmuDict.Split split = CmuDict.split(entries, 0.9, 7);
    assertEquals(entries.size(), split.train().size() + split.test().size());
    assertEquals(Math.round(entries.size() * 0.9), split.train().size());
    Set<String> trainWords = new HashSet<>();
    split.train().forEach(p -> trainWords.add(p.word()));
    assertTrue(split.test().stream().noneMatch(p -> trainWords.contains(p.word())));
    Set<String> phonemes = new HashSet<>();
    entries.forEach(p -> phonemes.addAll(p.phonemes()));
    assertEquals(39, phonemes.size());
  }
}
