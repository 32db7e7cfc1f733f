package dev.po.git;

import java.io.File;
import java.nio.file.Files;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Keeps JGit from starting processes. To find the system git config, JGit runs
 * {@code git --version} and {@code git config --system --show-origin --list}; status must start no
 * process, so the system config is read from where git keeps it instead: {@code $GIT_CONFIG_SYSTEM}
 * when set, else {@code /etc/gitconfig} ({@code GIT_CONFIG_NOSYSTEM} still turns it off).
 */
final class QuietSystem {
  private static boolean installed;

  private QuietSystem() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
      @Override
      public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        String off = getenv("GIT_CONFIG_NOSYSTEM");
        String named = getenv("GIT_CONFIG_SYSTEM");
        File file = named != null && !named.isEmpty() ? new File(named) : new File("/etc/gitconfig");
        if ((off != null && !off.isEmpty()) || !Files.isRegularFile(file.toPath())) {
          return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
              // no system config: nothing to read
            }

            @Override
            public boolean isOutdated() {
              return false;
            }
          };
        }
        return new FileBasedConfig(parent, file, fs);
      }
    });
  }
}
