package dev.po.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshHostsTest {
  @TempDir Path tmp;

  @Test
  void aHostsProjectsFolderIsSeenOnlyOverSsh() throws Exception {
    SshHosts.assumeAvailable();
    try (SshHosts hosts = SshHosts.start(tmp)) {
      Path a = hosts.host("hosta").projectsDir();
      String marker = a.resolve("it's $(here)").toString();
      hosts.sh("hosta", "mkdir -p \"$1\"", marker);
      assertTrue(hosts.exists("hosta", marker));
      assertFalse(Files.exists(Path.of(marker)), "the host's folder must be invisible locally");
      // each host has a namespace of its own
      assertFalse(hosts.exists("hostb", marker));
      assertEquals("", hosts.sh("hostb", "ls -A \"$1\"", a.toString()).trim());
    }
  }

  @Test
  void theDeadHostRefusesAndClosingEndsEverySshd() throws Exception {
    SshHosts.assumeAvailable();
    SshHosts hosts = SshHosts.start(tmp);
    try {
      assertThrows(IllegalStateException.class, () -> hosts.sh("deadhost", "true"));
      assertEquals("ok", hosts.sh("hostb", "echo ok").trim());
    } finally {
      hosts.close();
    }
    assertThrows(IllegalStateException.class, () -> hosts.sh("hosta", "true"));
  }
}
