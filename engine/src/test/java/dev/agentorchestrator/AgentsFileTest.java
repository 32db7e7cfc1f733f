package dev.agentorchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentsFileTest {

  @TempDir Path root;

  @BeforeEach
  void role() throws IOException {
    Files.createDirectories(root.resolve("prompts"));
    Files.writeString(root.resolve("prompts/orchestrator.md"), "role\n");
  }

  private String error(String toml) {
    return assertThrows(HarnessException.class, () -> AgentsFile.parse(root, toml)).getMessage();
  }

  @Test
  void readsAgentsWithDefaults() {
    List<AgentSpec> agents = AgentsFile.parse(root, String.join("\n",
        "[agents.orchestrator]",
        "prompt = \"prompts/orchestrator.md\"",
        "",
        "[agents.worker]",
        "prompt = \"prompts/orchestrator.md\"",
        "command = [\"sleep\", \"100\"]",
        "watch = \"off\""));
    assertEquals(2, agents.size());
    AgentSpec o = agents.get(0);
    assertEquals("orchestrator", o.name());
    assertEquals(root.resolve("prompts/orchestrator.md"), o.role());
    assertEquals(AgentSpec.Watch.HEAL, o.watch());
    assertEquals(List.of("sh", "-c", "exec claude --append-system-prompt \"$(cat \"$AO_ROLE_FILE\")\""), o.argv());
    AgentSpec w = agents.get(1);
    assertEquals(List.of("sleep", "100"), w.argv());
    assertEquals(AgentSpec.Watch.OFF, w.watch());
  }

  @Test
  void wakeIsAnUnknownKeyWithItsPosition() {
    String message = error("[agents.orchestrator]\nprompt = \"prompts/orchestrator.md\"\n  wake = \"1h\"\n");
    assertTrue(message.startsWith("agents.toml:3:3: unknown key 'wake' in agents.orchestrator"), message);
    assertTrue(message.contains("never woken"), message);
  }

  @Test
  void badTypesArePositioned() {
    String message = error(String.join("\n",
        "[agents.orchestrator]",
        "prompt = \"prompts/orchestrator.md\"",
        "command = \"claude\"",
        "watch = 3"));
    List<String> lines = List.of(message.split("\n"));
    assertEquals(2, lines.size(), message);
    assertTrue(lines.get(0).startsWith("agents.toml:3:1: agents.orchestrator.command must be a non-empty array"), message);
    assertTrue(lines.get(1).startsWith("agents.toml:4:1: agents.orchestrator.watch must be \"heal\" or \"off\""), message);
  }

  @Test
  void nonStringArgumentIsPositioned() {
    String message = error("[agents.a]\nprompt = \"prompts/orchestrator.md\"\ncommand = [\"sleep\", 100]\n");
    assertTrue(message.startsWith("agents.toml:3:21: agents.a.command[1] must be a string"), message);
  }

  @Test
  void missingRoleFileIsPositioned() {
    String message = error("[agents.a]\nprompt = \"prompts/nope.md\"\n");
    assertEquals("agents.toml:2:1: agents.a.prompt: role file 'prompts/nope.md' does not exist", message);
  }

  @Test
  void missingPromptIsPositionedAtTheTable() {
    String message = error("\n[agents.a]\nwatch = \"heal\"\n");
    assertTrue(message.startsWith("agents.toml:2:1: agents.a: 'prompt' (the role file) is required"), message);
  }

  @Test
  void unknownTopLevelKeyAndBadWatchValue() {
    String message = error("title = \"x\"\n[agents.a]\nprompt = \"prompts/orchestrator.md\"\nwatch = \"always\"\n");
    assertTrue(message.contains("agents.toml:1:1: unknown key 'title'"), message);
    assertTrue(message.contains("agents.toml:4:1: agents.a.watch must be \"heal\" or \"off\", not \"always\""), message);
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    String message = error("[agents.a]\nprompt = \"prompts/orchestrator.md\n");
    assertTrue(message.startsWith("agents.toml:2:"), message);
  }

  @Test
  void noAgentsIsAnError() {
    assertTrue(error("").startsWith("agents.toml:1:1: no agents"));
  }

  @Test
  void agentNamesMustBeSafeForFilesAndSessions() {
    String message = error("[agents.\"a.b\"]\nprompt = \"prompts/orchestrator.md\"\n");
    assertTrue(message.startsWith("agents.toml:1:"), message);
    assertTrue(message.contains("may only use letters"), message);
  }

  @Test
  void backoffGrowsAndIsCapped() {
    assertEquals(0, AgentState.backoffMillis(1));
    assertEquals(500, AgentState.backoffMillis(2));
    assertEquals(1000, AgentState.backoffMillis(3));
    assertEquals(2000, AgentState.backoffMillis(4));
    assertEquals(AgentState.BACKOFF_CAP_MILLIS, AgentState.backoffMillis(40));
  }
}
