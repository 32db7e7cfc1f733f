package dev.agentorchestrator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags of the watchdog. A host runs one watchdog per project, so what counts is the memory
 * they cost together (PSS), not one process's resident size: each watchdog keeps its heap, code
 * cache and threads small, and takes its class metadata from a class-data archive that all of them
 * map from one file, so those pages are paid once per host ({@code bench/idle-fleet} measures it).
 */
final class WatchdogJvm {

  /**
   * Without {@code ArchiveRelocationMode=0} this JDK maps a class-data archive at a random address,
   * which rewrites every pointer in it and turns all its pages private, in every watchdog. No
   * archive is worth sharing then. Mapped at the address it was made for, its pages stay clean and
   * shared. The two intervals stop the JVM's own idle wake-ups (a safepoint check every second, a
   * monitor clean-up every 250 ms), which a process that sleeps on inotify does not need.
   *
   * <p>{@code -Xint}: a watchdog's work is a few hundred bytecodes a second, too little for a
   * compiler to pay back. Without one it has no compiler thread (which woke every 5 s), and no
   * compiled code: 2.5 MB less per watchdog, at no cost in idle CPU (measured side by side). A young
   * generation of 512 KB: an idle watchdog allocates about 2 KB a second, and every page of the
   * young generation it cycles through stays resident, so a larger one only costs memory. The
   * JVM's string and symbol tables start at 4096 buckets instead of 65536 and 32768, whose bucket
   * arrays alone were 0.6 MB written at start; they grow if ever needed.
   */
  static final List<String> DEFAULTS = List.of(
      "-Xms4m", "-Xmx16m", "-Xmn512k", "-Xss256k", "-XX:+UseSerialGC", "-Xint",
      "-XX:MaxMetaspaceSize=32m", "-XX:ReservedCodeCacheSize=8m", "-XX:MaxDirectMemorySize=4m", "-XX:-UsePerfData",
      "-XX:StringTableSize=4096", "-XX:+UnlockExperimentalVMOptions", "-XX:SymbolTableSize=4096",
      "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
      "-XX:GuaranteedSafepointInterval=0", "-XX:AsyncDeflationInterval=0");

  private WatchdogJvm() {}

  /**
   * The flags for a watchdog run from {@code classpath}: {@code setting} (AO_WATCHDOG_JAVA_OPTS)
   * when it is set, else the defaults with the class-data archive of the jar when there is one,
   * else with the JDK's own archive. {@code -Xshare:auto} makes a stale archive cost nothing but
   * the sharing: the JVM checks it against the jar and runs without it when they differ.
   */
  static List<String> options(String setting, String classpath) {
    if (setting != null && !setting.isBlank()) {
      return List.of(setting.trim().split("\\s+"));
    }
    List<String> flags = new ArrayList<>(DEFAULTS);
    Path archive = archiveOf(classpath);
    if (archive != null && Files.isRegularFile(archive)) {
      flags.add("-XX:SharedArchiveFile=" + archive);
    }
    flags.add("-Xshare:auto");
    return flags;
  }

  /**
   * Where the archive of a one-jar class path lives: beside the jar, {@code NAME.jsa} for {@code
   * NAME.jar}; null for anything else (class folders cannot be archived).
   */
  static Path archiveOf(String classpath) {
    if (classpath == null || classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
      return null;
    }
    Path jar = Path.of(classpath).toAbsolutePath();
    String name = jar.getFileName().toString();
    return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
  }
}
