package dev.po.wire;

import dev.po.project.HarnessState;
import dev.po.project.ProjectStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.po.testing.Statuses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One JSON shape of a project's status: what the po on another host answers is what {@code po
 * fleet status --json} prints and what {@link ProjectStatus#fromJson} reads, and a status comes
 * back from it as it went.
 */
class StatusJsonProperties {
  static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<ProjectStatus> statuses() {
    return Statuses.statuses();
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
  void aStatusComesBackFromTheFarSidesAnswerAsItWent(@ForAll("statuses") ProjectStatus s) throws Exception {
    // as the far side writes it, a line of its answer, and as this side reads it
    JsonNode line = JSON.readTree(Wire.bytes(Wire.status(s)));
    ProjectStatus back = Wire.readStatus(line, s.host());
    assertEquals(Statuses.asShown(s), back);
    assertEquals(s.toJson(), back.toJson());
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
  @SuppressWarnings("unchecked")
  void theJsonReadBackIsTheSameJson(@ForAll("statuses") ProjectStatus s) throws Exception {
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s.toJson());
    Map<String, Object> parsed = JSON.readValue(text, Map.class);
    assertEquals(s.toJson(), ProjectStatus.fromJson(parsed).toJson());
    assertEquals(List.of("name", "enabled", "harness", "ref", "path", "exists", "sound", "problem", "pin", "pinName",
        "drift", "state", "host", "agents"), new ArrayList<>(parsed.keySet()));
    assertEquals(s.sound(), parsed.get("sound"));
    assertEquals(s.state().word(), parsed.get("state"));
  }

  @Example
  @SuppressWarnings("unchecked")
  void aStatusMissingARequiredFieldOrWithAnUnknownStateIsRefusedNamingIt() throws Exception {
    Map<String, Object> ok = JSON.readValue("{\"name\": \"a\", \"ref\": \"v1\", \"path\": \"/p\", \"state\": \"running\"}", Map.class);
    assertEquals(HarnessState.RUNNING, ProjectStatus.fromJson(ok).state());
    Map<String, Object> noRef = new java.util.HashMap<>(ok);
    noRef.remove("ref");
    assertEquals("status JSON: no ref", assertThrows(IllegalArgumentException.class, () -> ProjectStatus.fromJson(noRef)).getMessage());
    Map<String, Object> odd = new java.util.HashMap<>(ok);
    odd.put("state", "RUNNING");
    assertEquals("state 'RUNNING' is not one of running, degraded, stopped, unknown, unreachable",
        assertThrows(IllegalArgumentException.class, () -> ProjectStatus.fromJson(odd)).getMessage());
    Map<String, Object> wrong = new java.util.HashMap<>(ok);
    wrong.put("path", 3);
    assertEquals("status JSON: path must be a string",
        assertThrows(IllegalArgumentException.class, () -> ProjectStatus.fromJson(wrong)).getMessage());
  }
}
