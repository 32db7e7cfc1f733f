package dev.po.cli.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A systemd user unit that brings a fleet back after a reboot: {@code po start --all} when the
 * user's service manager starts (at boot, with lingering), {@code po stop --all} when it stops (at
 * shutdown). Nothing runs on a timer: it restores the enabled projects, nothing more.
 *
 * @param po the argv that runs this po (its launcher, or java -jar po.jar)
 * @param fleet the registry, absolute
 * @param env what po needs from the operator's environment (PATH, the harness's tmux socket)
 */
record SystemdUnit(List<String> po, Path fleet, Map<String, String> env) {
  SystemdUnit {
    po = List.copyOf(po);
    if (po.isEmpty()) {
      throw new IllegalArgumentException("po's command line is empty");
    }
    Objects.requireNonNull(fleet, "fleet");
    if (!fleet.isAbsolute()) {
      throw new IllegalArgumentException("the registry path (" + fleet + ") must be absolute");
    }
    env = Map.copyOf(env);
  }

  /** The unit file's text. */
  String text() {
    List<String> lines = new ArrayList<>();
    lines.add("# Written by po startup systemd: the fleet of " + fleet + ".");
    lines.add("# Starts its enabled projects when the user's service manager starts (at boot, with");
    lines.add("# loginctl enable-linger) and stops them when it stops; never on a timer.");
    lines.add("[Unit]");
    lines.add("Description=" + specifiers("po fleet " + fleet));
    lines.add("Documentation=man:po-startup-systemd(1)");
    lines.add("");
    lines.add("[Service]");
    // oneshot + RemainAfterExit: the unit is active while the fleet is up, so stopping it (or
    // shutting down) runs ExecStop; the agents themselves live on in their tmux sessions.
    lines.add("Type=oneshot");
    lines.add("RemainAfterExit=yes");
    // A path setting takes the rest of the line as it is: no quotes, only % doubled.
    lines.add("WorkingDirectory=" + specifiers(fleet.getParent().toString()));
    lines.add("Environment=" + quoted("PO_FLEET=" + fleet));
    env.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> lines.add("Environment=" + quoted(e.getKey() + "=" + e.getValue())));
    lines.add("ExecStart=" + command("start"));
    lines.add("ExecStop=" + command("stop"));
    // A launcher may take minutes (po's own limit is 600 s each); boot must not give up first.
    lines.add("TimeoutStartSec=infinity");
    lines.add("TimeoutStopSec=15min");
    lines.add("");
    lines.add("[Install]");
    lines.add("WantedBy=default.target");
    return lines.stream().collect(Collectors.joining("\n", "", "\n"));
  }

  private String command(String verb) {
    List<String> args = new ArrayList<>(po.subList(1, po.size()));
    args.addAll(List.of(verb, "--all", "--no-color"));
    // systemd expands $VARIABLES in the arguments only, not in the program's path.
    return quoted(po.get(0)) + args.stream().map(a -> " " + quoted(a).replace("$", "$$")).collect(Collectors.joining());
  }

  /** A double-quoted value as systemd unquotes it, with % specifiers kept literal. */
  private static String quoted(String value) {
    return "\"" + specifiers(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String specifiers(String value) {
    return value.replace("%", "%%");
  }
}
