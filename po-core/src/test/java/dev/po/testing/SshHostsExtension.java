package dev.po.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link SshHosts} of a whole test class, started before its first test and ended after its
 * last; the class is skipped where they cannot run (see {@link SshHosts#assumeAvailable()}).
 *
 * <pre>{@code
 * @RegisterExtension static final SshHostsExtension HOSTS = new SshHostsExtension();
 * ... HOSTS.get().sh("hosta", "true") ...
 * }</pre>
 */
public final class SshHostsExtension implements BeforeAllCallback, AfterAllCallback {
  private SshHosts hosts;
  private Path dir;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    SshHosts.assumeAvailable();
    dir = Files.createTempDirectory("po-ssh-hosts");
    hosts = SshHosts.start(dir);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (hosts != null) {
      hosts.close();
    }
    if (dir != null) {
      // a session that just ended may still be writing its log: what is left is a temp folder
      try (var all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // nothing to do about a temp folder that will not go
      }
    }
  }

  /** The running hosts. */
  public SshHosts get() {
    if (hosts == null) {
      throw new IllegalStateException("the hosts start before the class's first test");
    }
    return hosts;
  }
}
