/**
 * The fleet registry, {@code fleet.toml}: which projects exist, where they live, which harness they
 * run, at which engine ref, and whether they are enabled.
 *
 * <p>Two types are the way in: {@link dev.po.fleet.Registry}, the file (read it, edit it keeping
 * the operator's text, validate it against the disk), and {@link dev.po.fleet.Fleet}, the
 * immutable value it holds, with its {@link dev.po.fleet.ProjectEntry projects},
 * {@link dev.po.fleet.Harness harnesses} and {@link dev.po.fleet.Defaults defaults}. Problems are
 * {@link dev.po.fleet.Problem}s positioned like compiler messages; failures are
 * {@link dev.po.fleet.RegistryException}, {@link dev.po.fleet.UnknownProjectException},
 * {@link dev.po.fleet.InvalidValueException} (a name, ref or value the registry does not allow) and
 * {@link dev.po.fleet.EditRefusedException} (an edit that cannot be made in place).
 *
 * <pre>{@code
 * Registry registry = Registry.at(Path.of("fleet.toml"));
 * Fleet fleet = registry.read();
 * registry.edit(f -> f.withRef("my-project", "v0.2.0"));
 * }</pre>
 *
 * <p>The schema, every message and how edits and locks work: docs/fleet-registry.md.
 */
package dev.po.fleet;
