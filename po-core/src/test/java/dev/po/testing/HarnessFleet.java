package dev.po.testing;

import dev.po.Po;
import dev.po.project.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fleets on the real harness for an end-to-end test class. Once for the class: this repository's
 * {@code engine/} published with two tags ({@link EngineHarness#publish}) and a private tmux
 * socket. For each test: a fresh {@link TempFleet} on that harness and a {@link Po} whose launcher
 * runs on the socket with the shared build cache; after the test, every project of the fleet is
 * stopped, even after a failure. After the class, the socket's tmux server is killed and the
 * folders are removed.
 *
 * <pre>
 * &#64;RegisterExtension static final HarnessFleet live = new HarnessFleet();
 * ...
 * live.po().create("one").setRef("v0.1.0").setRegister(true).call();
 * assertTrue(Tmux.hasSession(live.socket(), "one-worker"));
 * </pre>
 */
public final class HarnessFleet implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
  private Path dir;
  private HarnessRepo harness;
  private String socket;
  private TempFleet fleet;
  private Po po;

  @Override
  public void beforeAll(ExtensionContext context) {
    dir = TempFolders.make("po-harness-fleet");
    harness = EngineHarness.publish(dir);
    socket = EngineHarness.newSocket();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    fleet = TempFleet.create(TempFolders.make(dir, "test"), harness);
    po = Po.open(fleet.file()).withEnvironment(EngineHarness.env(socket));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // A watchdog left running would heal its agents into a new tmux server after the class ends.
    for (Project p : po.projects()) {
      try {
        p.stop();
      } catch (RuntimeException e) {
        // best effort; the failure that matters is the test's
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Tmux.kill(socket);
    TempFolders.delete(dir);
  }

  /** The published harness, with tags {@code v0.1.0} and {@code v0.2.0}. */
  public HarnessRepo harness() {
    return harness;
  }

  /** The class's private tmux socket, where the fleet's agents run. */
  public String socket() {
    return socket;
  }

  /** This test's registry, on {@link #harness()}. */
  public TempFleet fleet() {
    return fleet;
  }

  /** po-core opened on this test's registry, its launcher on {@link #socket()}. */
  public Po po() {
    return po;
  }
}
