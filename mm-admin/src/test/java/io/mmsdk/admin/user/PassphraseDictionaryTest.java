package io.mmsdk.admin.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseDictionaryTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parse_oneWordPerLine_skipsBlankAndBomAndCrLf() {
    PassphraseDictionary d = PassphraseDictionary.parse(utf8("\uFEFFapple\r\n\r\n  pear \nkiwi"));
    assertEquals(List.of("apple", "pear", "kiwi"), d.words());
  }

  @Test
  void parse_invalidUtf8_rejected() {
    UserException e = assertThrows(UserException.class, () -> PassphraseDictionary.parse(new byte[] {'a', '\n', (byte) 0xC3, (byte) 0x28}));
    assertTrue(e.getMessage().contains("UTF-8"));
  }

  @Test
  void parse_nul_rejectedWithLine() {
    UserException e = assertThrows(UserException.class, () -> PassphraseDictionary.parse(utf8("a\nb\0c\n")));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("NUL"), e.getMessage());
  }

  @Test
  void parse_twoWordsOnALine_rejected() {
    assertTrue(assertThrows(UserException.class, () -> PassphraseDictionary.parse(utf8("one\ntwo words\n")))
        .getMessage().contains("line 2"));
    assertThrows(UserException.class, () -> PassphraseDictionary.parse(utf8("\n \n")));
  }

  @Test
  void read_over10MB_rejectedAtLimitAccepted(@TempDir Path dir) throws Exception {
    byte[] exactly = new byte[(int) PassphraseDictionary.MAX_BYTES];
    java.util.Arrays.fill(exactly, (byte) 'a');
    exactly[exactly.length - 1] = '\n';
    Path ok = Files.write(dir.resolve("ok.txt"), exactly);
    assertEquals(1, PassphraseDictionary.read(ok).words().size());
    byte[] over = new byte[exactly.length + 1];
    java.util.Arrays.fill(over, (byte) 'a');
    Path big = Files.write(dir.resolve("big.txt"), over);
    assertTrue(assertThrows(UserException.class, () -> PassphraseDictionary.read(big)).getMessage().contains("10 MB"));
    assertThrows(UserException.class, () -> PassphraseDictionary.parse(over));
  }

  @Test
  void generate_wordCount1To8_drawsFromDictionary() {
    PassphraseDictionary d = PassphraseDictionary.parse(utf8("a\nb\nc\nd\n"));
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int n = 1; n <= 8; n++) {
      String p = d.generate(n, random);
      String[] words = p.split("-");
      assertEquals(n, words.length);
      seen.addAll(List.of(words));
    }
    assertTrue(Set.of("a", "b", "c", "d").containsAll(seen));
    assertThrows(IllegalArgumentException.class, () -> d.generate(0, random));
    assertThrows(IllegalArgumentException.class, () -> d.generate(9, random));
    assertThrows(IllegalArgumentException.class, () -> PasswordPolicy.builder().passphraseGenerator(9));
    assertEquals(5, PasswordPolicy.defaults().passphraseWords());
  }
}
