package dev.callcenter.helpdesk.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The superuser password of an embedded cluster, generated once and kept in a file of its own
 * beside the data directory ({@code data/postgres} → {@code data/postgres.password}), readable by
 * its owner only. Beside, not inside: {@code initdb} needs an empty directory and reads the
 * password from this file. The password itself is never logged.
 */
final class EmbeddedPassword {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPassword.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private EmbeddedPassword() {}

  /** Where the password of the cluster in {@code dataDir} is kept. */
  static Path fileFor(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    return dir.resolveSibling(dir.getFileName() + ".password");
  }

  /** The password in {@code file}, if there is one; tightens the file's permissions if needed. */
  static Optional<String> read(Path file) {
    try {
      String password = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (password.isEmpty()) {
        return Optional.empty();
      }
      PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (posix != null && !posix.readAttributes().permissions().equals(OWNER_ONLY)) {
        posix.setPermissions(OWNER_ONLY);
        log.warn("{} was readable by others; made it readable by its owner only", file);
      }
      return Optional.of(password);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the database password file " + file, e);
    }
  }

  /** Generates a new password and writes it to {@code file} (mode 0600), replacing any other. */
  static String create(Path file) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    // URL-safe Base64: no quotes, spaces or backslashes to escape in SQL, pg_hba or a shell.
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(tmp);
      if (Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
      // Written whole or not at all: a crash must not leave half a password behind.
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the database password file " + file, e);
    }
    return password;
  }
}
