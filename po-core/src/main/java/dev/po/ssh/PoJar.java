package dev.po.ssh;

import dev.po.PoException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The jar that runs po-core on another host, and its content hash (its folder name in
 * {@code ~/.cache/po/} there). Run from {@code po.jar}, that is the jar itself; run from a class
 * path of folders and jars (a build, a test, a tool embedding po-core), the class path is merged
 * once per process into one jar in a temp file, with fixed entry times so that the same classes
 * hash the same. The temp file is removed when the process ends; one a killed process left (about
 * 10 MB) is removed by the next process that merges, known by the pid in its name.
 */
final class PoJar {
  /** The merged jar's name: this prefix, the pid of the process that made it, a dash. */
  static final String MERGED_PREFIX = "po-far-side-";

  private static PoJar current;

  final Path file;
  final String hash;

  private PoJar(Path file, String hash) {
    this.file = file;
    this.hash = hash;
  }

  static synchronized PoJar current() {
    if (current == null) {
      current = locate();
    }
    return current;
  }

  private static PoJar locate() {
    try {
      Path self = sourceOf(FarSide.class);
      // po.jar holds its dependencies; po-core's own jar, in a tool that embeds it, does not
      boolean whole = Files.isRegularFile(self)
          && self.equals(sourceOf(org.eclipse.jgit.api.Git.class))
          && self.equals(sourceOf(com.fasterxml.jackson.databind.ObjectMapper.class))
          && self.equals(sourceOf(org.tomlj.Toml.class))
          && self.equals(sourceOf(org.zeroturnaround.exec.ProcessExecutor.class));
      Path jar = whole ? self : merged();
      return new PoJar(jar, sha256(jar));
    } catch (IOException | URISyntaxException | RuntimeException e) {
      throw new PoException("cannot find po's own jar to run on another host: " + e.getMessage(), e);
    }
  }

  private static Path sourceOf(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Path merged() throws IOException {
    reclaim(Path.of(System.getProperty("java.io.tmpdir")));
    Path out = Files.createTempFile(MERGED_PREFIX + ProcessHandle.current().pid() + "-", ".jar");
    out.toFile().deleteOnExit();
    Set<String> seen = new HashSet<>();
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path p = Path.of(entry);
        if (Files.isDirectory(p)) {
          try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
              String name = p.relativize(f).toString().replace(File.separatorChar, '/');
              if (keep(name) && seen.add(name)) {
                try (InputStream in = Files.newInputStream(f)) {
                  put(zip, name, in);
                }
              }
            }
          }
        } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
          try (ZipInputStream in = new ZipInputStream(Files.newInputStream(p))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
              if (!e.isDirectory() && keep(e.getName()) && seen.add(e.getName())) {
                put(zip, e.getName(), in);
              }
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Removes the merged jars in {@code dir} whose process has ended: killed, or halted without its
   * exit hooks. A jar whose pid runs again, now another process, stays: a few MB, not a risk.
   */
  static void reclaim(Path dir) {
    try (DirectoryStream<Path> merged = Files.newDirectoryStream(dir, MERGED_PREFIX + "*.jar")) {
      for (Path jar : merged) {
        String rest = jar.getFileName().toString().substring(MERGED_PREFIX.length());
        int dash = rest.indexOf('-');
        try {
          if (dash > 0 && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isEmpty()) {
            Files.deleteIfExists(jar);
          }
        } catch (NumberFormatException | IOException e) {
          // not one of ours, or another user's: leave it
        }
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable temp folder: nothing to reclaim
    }
  }

  /** Signatures of the merged jars would not match the merge, and no manifest is needed. */
  private static boolean keep(String name) {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    return !(upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".DSA")
        || upper.endsWith(".RSA") || upper.endsWith("MODULE-INFO.CLASS"));
  }

  private static void put(ZipOutputStream zip, String name, InputStream in) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(0);
    zip.putNextEntry(e);
    in.transferTo(zip);
    zip.closeEntry();
  }

  private static String sha256(Path jar) throws IOException {
    try (InputStream in = Files.newInputStream(jar)) {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      in.transferTo(new OutputStream() {
        @Override
        public void write(int b) {
          d.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          d.update(b, off, len);
        }
      });
      return HexFormat.of().formatHex(d.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
