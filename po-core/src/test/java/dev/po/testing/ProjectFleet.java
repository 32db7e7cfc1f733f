package dev.po.testing;

import dev.po.Po;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link TempFleet} for each test holding one real project, {@code projects/NAME} pinned at
 * {@code v0.1.0} of the fleet's stand-in harness (which has {@code v0.2.0} and {@code main} too),
 * with a {@link Po} on it; the folder is removed after the test.
 *
 * <pre>
 * &#64;RegisterExtension final ProjectFleet beta = ProjectFleet.with("beta");
 * ...
 * beta.po().project("beta").update("v0.2.0").call();
 * assertEquals(beta.fleet().harness().commit("v0.2.0"), ProjectRepo.pin(beta.root()));
 * </pre>
 */
public final class ProjectFleet implements BeforeEachCallback, AfterEachCallback {
  private final String name;
  private Path dir;
  private TempFleet fleet;
  private Path root;
  private Po po;

  private ProjectFleet(String name) {
    this.name = name;
  }

  /** A fleet whose one project is {@code name}. */
  public static ProjectFleet with(String name) {
    return new ProjectFleet(name);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    dir = TempFolders.make("po-project-fleet");
    fleet = TempFleet.create(dir);
    root = fleet.addProject(name, "v0.1.0");
    po = Po.open(fleet.file());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TempFolders.delete(dir);
  }

  /** The registry and its harness; the harness's work tree is {@code fleet().root()/harness-src}. */
  public TempFleet fleet() {
    return fleet;
  }

  /** The project's folder. */
  public Path root() {
    return root;
  }

  /** po-core opened on the registry. */
  public Po po() {
    return po;
  }
}
