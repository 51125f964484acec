package io.mmsdk.admin.user;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The word list the passphrase generator draws from. Requirements: UTF-8 text, one word per line
 * (blank lines are skipped; a word has no spaces), no NUL characters, at most 10 MB.
 */
public final class PassphraseDictionary {
  /** The largest dictionary accepted, in bytes. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  private final List<String> words;

  private PassphraseDictionary(List<String> words) {
    this.words = List.copyOf(words);
  }

  /**
   * Reads and checks a dictionary file.
   *
   * @param file a UTF-8 text file with one word per line, at most 10 MB
   * @return the dictionary
   * @throws UserException if the file cannot be read, is too large, or is not one word per line
   */
  public static PassphraseDictionary read(Path file) {
    Objects.requireNonNull(file, "file == null");
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new UserException("Dictionary " + file + " is " + size + " bytes; the maximum is 10 MB (" + MAX_BYTES + " bytes).");
      }
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UserException("Could not read dictionary " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks and parses dictionary bytes.
   *
   * @param bytes UTF-8 text with one word per line, at most 10 MB
   * @return the dictionary
   * @throws UserException if the text is too large, not UTF-8, holds no word, or not one word per
   *     line
   */
  public static PassphraseDictionary parse(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes == null");
    if (bytes.length > MAX_BYTES) {
      throw new UserException("Dictionary is " + bytes.length + " bytes; the maximum is 10 MB (" + MAX_BYTES + " bytes).");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UserException("Dictionary is not valid UTF-8; save it as UTF-8 text with one word per line.", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> words = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.indexOf('\0') >= 0) {
        throw new UserException("Dictionary line " + (i + 1) + " contains a NUL character; remove it.");
      }
      String w = line.strip();
      if (w.isEmpty()) {
        continue;
      }
      if (w.codePoints().anyMatch(Character::isWhitespace)) {
        throw new UserException("Dictionary line " + (i + 1) + " holds more than one word ('" + w + "'); put one word on each line.");
      }
      words.add(w);
    }
    if (words.isEmpty()) {
      throw new UserException("Dictionary has no words; give a UTF-8 text file with one word per line.");
    }
    return new PassphraseDictionary(words);
  }

  /** {@return the words, in file order} */
  public List<String> words() {
    return words;
  }

  /**
   * {@return {@code count} words drawn uniformly at random with {@code random}, joined by '-'}
   *
   * @param count how many words, 1 to 8
   * @param random the source of randomness, normally a {@link SecureRandom}
   * @throws IllegalArgumentException if {@code count} is not 1..8
   */
  public String generate(int count, SecureRandom random) {
    Objects.requireNonNull(random, "random == null");
    if (count < 1 || count > 8) {
      throw new IllegalArgumentException("passphrase word count " + count + " must be 1-8");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : "-").append(words.get(random.nextInt(words.size())));
    }
    return sb.toString();
  }

  /** {@return the dictionary as UTF-8 text, one word per line (for backups)} */
  public byte[] toBytes() {
    return (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "PassphraseDictionary[" + words.size() + " words]";
  }
}
