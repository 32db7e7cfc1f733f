package dev.po.host;

import dev.po.fleet.Fleet;
import dev.po.fleet.Harness;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A create as a host carries it out, its names and ref checked.
 *
 * @param name the project's name
 * @param ref the harness ref to pin
 * @param harness the harness, resolved in {@code fleet}
 * @param harnessAsGiven the harness as named, or {@code null} for the registry's default (recorded as given)
 * @param location where to make it on this machine (relative to the registry's folder), or
 *     {@code null} for its projects folder
 * @param remoteLocation where to make it on another host, as written there (absolute or {@code
 *     ~/...}), or {@code null} for that host's projects folder
 * @param agent the one agent's name
 * @param agentCommand its argv, or empty for the harness's default
 * @param register whether {@code recorder} is to record it
 * @param fleet the fleet the request was checked against
 * @param settings the launcher settings
 * @param seenAs the asking po's name for the host, for the commands a message names; {@code null} on this machine
 * @param progress where the clone's progress goes, or {@code null}
 * @param recorder records the project once it is made, when {@code register}
 */
public record CreateRequest(String name, String ref, Harness harness, String harnessAsGiven, Path location, String remoteLocation,
    String agent, List<String> agentCommand, boolean register, Fleet fleet, Settings settings, String seenAs,
    Writer progress, Recorder recorder) {
  public CreateRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(harness, "harness");
    Objects.requireNonNull(agent, "agent");
    agentCommand = List.copyOf(agentCommand);
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(recorder, "recorder");
  }
}
