package dev.callcenter.helpdesk.user;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (OWASP's minimum: 19 MiB memory, 2 iterations, 1 lane) through
 * Password4j; hashes carry their parameters, so stronger settings can be introduced later.
 */
public final class PasswordHasher {

  private final Argon2Function argon2;

  public PasswordHasher() {
    this(19 * 1024, 2);
  }

  public PasswordHasher(int memoryKib, int iterations) {
    this.argon2 = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
  }

  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
  }

  public boolean verify(String password, String hash) {
    if (hash == null || !hash.startsWith("$argon2")) {
      return false;
    }
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }
}
