package io.mmsdk.core.backup;

/**
 * A setting held outside mm-admin (for example blast dial's monitoring setting) that a backup must
 * carry too, so that a backup covers every setting the SDK holds. Register it with mm-admin's
 * {@code io.mmsdk.admin.backup.BackupManager.addSection}. The text is the section's own format; it is encrypted with the rest
 * of the backup. Implementations are thread-safe.
 */
public interface BackupSection {

  /** {@return the section's unique name, e.g. {@code "blastdial.monitoring"}} */
  String name();

  /** {@return which restore choice brings this section back} */
  BackupPart part();

  /** {@return the section's current content} */
  String export();

  /**
   * Checks {@code content} without changing anything.
   *
   * @param content the section's text from a backup
   * @throws RuntimeException saying what is wrong if the content cannot be restored
   */
  void validate(String content);

  /**
   * Replaces the held setting with {@code content}, which {@link #validate} accepted.
   *
   * @param content the section's text from a backup, already validated
   */
  void restore(String content);
}
