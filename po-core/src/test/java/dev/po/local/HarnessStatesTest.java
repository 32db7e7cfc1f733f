package dev.po.local;

import dev.po.project.HarnessState;
import dev.po.project.HarnessStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessStatesTest {
  @TempDir Path root;
  Process sleeper;
  long live;
  long dead;

  @BeforeEach
  void pids() throws Exception {
    sleeper = new ProcessBuilder("sleep", "600").start();
    live = sleeper.pid();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    dead = gone.pid();
  }

  @AfterEach
  void kill() {
    sleeper.destroyForcibly();
  }

  private HarnessState with(String json) throws Exception {
    Files.createDirectories(root.resolve(".ao-state"));
    Files.writeString(root.resolve(".ao-state/status.json"), json);
    return HarnessStates.of(root);
  }

  private String status(boolean watchdogAlive, Object watchdogPid, String agents) {
    return status(java.time.Instant.now(), watchdogAlive, watchdogPid, agents);
  }

  private String status(java.time.Instant writtenAt, boolean watchdogAlive, Object watchdogPid, String agents) {
    return "{\"writtenAt\":\"" + writtenAt + "\",\"heartbeat\":\"" + writtenAt + "\","
        + "\"watchdog\":{\"alive\":" + watchdogAlive + ",\"pid\":" + watchdogPid + "},"
        + "\"agents\":[" + agents + "]}";
  }

  private String agent(String name, String state, Object pid) {
    return "{\"name\":\"" + name + "\",\"watch\":\"heal\",\"state\":\"" + state + "\",\"pid\":" + pid
        + ",\"restarts\":0,\"uptimeSeconds\":5,\"lastExit\":null}";
  }

  /** A zombie: a child that exited under a parent that never reaps it (sh exec'd into sleep). */
  private static long zombie(List<Process> parents) throws Exception {
    Process parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & echo $!; exec sleep 60").start();
    parents.add(parent);
    long pid = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream())).readLine().strip());
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!Files.readString(Path.of("/proc/" + pid + "/stat")).contains(") Z ")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("pid " + pid + " did not become a zombie");
      }
      Thread.sleep(20);
    }
    return pid;
  }

  @Test
  void aStatusFileWrittenForAnotherFolderIsACopysAndReadsAsNeverStarted() throws Exception {
    java.util.Map<String, Object> id = Files.readAttributes(root, "unix:dev,ino");
    String json = status(true, live, agent("a", "running", live));
    String here = json.replace("\"watchdog\"", "\"folder\":\"" + id.get("dev") + ":" + id.get("ino") + "\",\"watchdog\"");
    assertEquals(HarnessState.RUNNING, with(here));
    String copied = json.replace("\"watchdog\"", "\"folder\":\"" + id.get("dev") + ":" + ((Long) id.get("ino") + 1) + "\",\"watchdog\"");
    assertEquals(HarnessState.STOPPED, with(copied));
    assertEquals(List.of(), HarnessStates.read(root).agents());
    // a harness that writes no folder identity is trusted, as before
    assertEquals(HarnessState.RUNNING, with(json));
  }

  @Test
  void zombiesCountAsDead() throws Exception {
    List<Process> parents = new ArrayList<>();
    try {
      long watchdog = zombie(parents);
      long agent = zombie(parents);
      assertTrue(ProcessHandle.of(watchdog).map(ProcessHandle::isAlive).orElse(false), "the JDK calls a zombie alive");
      String json = status(true, watchdog, agent("a", "running", agent));
      assertEquals(HarnessState.STOPPED, with(json));
      assertEquals(HarnessState.DEGRADED, with(status(true, watchdog, agent("a", "running", live))));
    } finally {
      parents.forEach(Process::destroyForcibly);
    }
  }

  @Test
  void noStatusFileIsStoppedTheWordTheHarnessUsesForNeverStarted() {
    assertEquals(HarnessState.STOPPED, HarnessStates.of(root));
  }

  @Test
  void anUnreadableFileIsUnknown() throws Exception {
    assertEquals(HarnessState.UNKNOWN, with("{not json"));
    assertEquals(HarnessState.UNKNOWN, with("[1,2]"));
    assertEquals(HarnessState.UNKNOWN, with(""));
    String whole = status(true, live, agent("a", "running", live));
    assertEquals(HarnessState.UNKNOWN, with(whole.substring(0, whole.length() - 3)));
  }

  @Test
  void aLiveWatchdogAndLiveRunningAgentsAreRunning() throws Exception {
    assertEquals(
        HarnessState.RUNNING,
        with(status(true, live, agent("a", "running", live) + "," + agent("b", "running", live))));
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    assertEquals(
        HarnessState.RUNNING,
        with("{\"future\":{\"x\":[1,{\"y\":2}]},\"watchdog\":{\"alive\":true,\"pid\":" + live
            + ",\"since\":\"x\"},\"agents\":[{\"name\":\"a\",\"extra\":[1,2],\"state\":\"running\",\"pid\":" + live + "}]}"));
  }

  @Test
  void anAgentThatIsNotRunningIsDegraded() throws Exception {
    assertEquals(
        HarnessState.DEGRADED,
        with(status(true, live, agent("a", "running", live) + "," + agent("b", "backoff", null))));
    assertEquals(HarnessState.DEGRADED, with(status(true, live, agent("a", "crashloop", null))));
  }

  @Test
  void anAgentRecordedRunningWhosePidIsGoneIsDegraded() throws Exception {
    assertEquals(HarnessState.DEGRADED, with(status(true, live, agent("a", "running", dead))));
  }

  @Test
  void aDeadWatchdogWithALiveAgentIsDegraded() throws Exception {
    assertEquals(HarnessState.DEGRADED, with(status(true, dead, agent("a", "running", live))));
    assertEquals(HarnessState.DEGRADED, with(status(false, null, agent("a", "running", live))));
  }

  @Test
  void nothingAliveIsStopped() throws Exception {
    assertEquals(HarnessState.STOPPED, with(status(false, null, agent("a", "stopped", null))));
    // The file says running, but the processes are gone: after a reboot, or kill -9.
    assertEquals(HarnessState.STOPPED, with(status(true, dead, agent("a", "running", dead))));
  }

  @Test
  void readGivesEachAgentWithItsPidRestartsAndLiveness() throws Exception {
    with(status(true, live, agent("a", "running", live) + ","
        + agent("b", "backoff", dead).replace("\"restarts\":0", "\"restarts\":3")));
    HarnessStatus s = HarnessStates.read(root);
    assertEquals(HarnessState.DEGRADED, s.state());
    assertEquals(true, s.watchdogAlive());
    assertEquals(live, s.watchdogPid());
    HarnessStatus.Agent a = s.agent("a").orElseThrow();
    assertEquals(new HarnessStatus.Agent("a", "heal", "running", live, true, a.uptimeSeconds(), 0, null), a);
    assertEquals(new HarnessStatus.Agent("b", "heal", "backoff", dead, false, null, 3, null), s.agent("b").orElseThrow());
    assertEquals(HarnessStatus.NEVER_STARTED, HarnessStates.read(root.resolve("nowhere")));
  }

  @Test
  void anAgentsUptimeIsAsOfNowAndItsLastExitAsRecorded() throws Exception {
    // written a second ago with 40 s up (the sleeper is not younger, so its pid is the recorded process)
    java.time.Instant written = java.time.Instant.now().minusSeconds(1);
    Thread.sleep(2100);
    with(status(written, true, live, agent("a", "running", live).replace("\"uptimeSeconds\":5", "\"uptimeSeconds\":40")
        + "," + agent("b", "crashloop", null).replace("\"lastExit\":null", "\"lastExit\":137")
            .replace("\"watch\":\"heal\"", "\"watch\":\"off\"")));
    HarnessStatus s = HarnessStates.read(root);
    long uptime = s.agent("a").orElseThrow().uptimeSeconds();
    assertTrue(uptime >= 42 && uptime < 60, "40 s recorded three seconds ago, read as " + uptime);
    HarnessStatus.Agent b = s.agent("b").orElseThrow();
    assertEquals(new HarnessStatus.Agent("b", "off", "crashloop", 0, false, null, 0, 137), b);
    assertEquals("crashloop", b.stateNow());
  }

  @Test
  void anAgentRecordedRunningWhoseProcessIsGoneShowsDead() throws Exception {
    with(status(true, live, agent("a", "running", dead)));
    HarnessStatus.Agent a = HarnessStates.read(root).agent("a").orElseThrow();
    assertEquals("running", a.state());
    assertEquals("dead", a.stateNow());
    assertNull(a.uptimeSeconds());
    assertNull(a.toJson().get("pid"), "a dead process's pid is no fact to act on");
  }

  @Test
  void theAgentJsonShapeHasItsDocumentedOrderAndReadsBack() throws Exception {
    with(status(true, live, agent("a", "running", live)));
    HarnessStatus.Agent a = HarnessStates.read(root).agent("a").orElseThrow();
    Map<String, Object> json = a.toJson();
    assertEquals(List.of("name", "watch", "state", "alive", "pid", "uptimeSeconds", "restarts", "lastExit"),
        List.copyOf(json.keySet()));
    assertEquals(live, json.get("pid"));
    assertEquals(a, HarnessStatus.Agent.fromJson(json));
    // through real JSON text, as an answer from another host arrives
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = mapper.readValue(mapper.writeValueAsString(json), Map.class);
    assertEquals(a, HarnessStatus.Agent.fromJson(parsed));
  }

  @Test
  void aPidReusedAfterTheFileWasWrittenIsNotTheRecordedProcess() throws Exception {
    // The file is from before the sleeper started (as after a reboot): its pids name others now.
    java.time.Instant before = java.time.Instant.now().minusSeconds(3600);
    assertEquals(HarnessState.STOPPED, with(status(before, true, live, agent("a", "running", live))));
    assertEquals(false, HarnessStates.read(root).agent("a").orElseThrow().alive());
  }
}
