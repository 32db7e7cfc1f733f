package dev.po.cli.demo;

import dev.po.project.HarnessStatus;
import dev.po.project.Project;
import java.time.Duration;
import java.util.Optional;

/** Kills one agent of a project with SIGKILL and waits for its harness to bring it back. */
final class Healing {
  private Healing() {}

  static boolean killAndWait(Project project, Duration timeout, DemoCommand.Steps steps)
      throws InterruptedException {
    Optional<HarnessStatus.Agent> victim =
        project.harnessStatus().agents().stream().filter(HarnessStatus.Agent::alive).findFirst();
    if (victim.isEmpty()) {
      steps.say(project.name() + " has no live agent to kill");
      return false;
    }
    HarnessStatus.Agent before = victim.get();
    ProcessHandle.of(before.pid()).ifPresent(ProcessHandle::destroyForcibly);
    long t0 = System.nanoTime();
    steps.say("kill -9 " + before.pid() + " (agent " + before.name() + ", restarts " + before.restarts() + ")");
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<HarnessStatus.Agent> now = project.harnessStatus().agent(before.name());
      if (now.isPresent() && now.get().alive() && now.get().pid() != before.pid()
          && now.get().restarts() > before.restarts()) {
        steps.say(String.format(
            "healed in %d ms: agent %s runs again as pid %d, restarts %d",
            (System.nanoTime() - t0) / 1_000_000, before.name(), now.get().pid(), now.get().restarts()));
        return true;
      }
      Thread.sleep(50);
    }
    steps.say("agent " + before.name() + " was not healed within " + timeout.toSeconds() + " s");
    return false;
  }
}
