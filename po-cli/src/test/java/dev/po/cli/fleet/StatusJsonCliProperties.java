package dev.po.cli.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.po.cli.Json;
import dev.po.project.ProjectStatus;
import dev.po.testing.Statuses;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What {@code po fleet status --json} prints is po-core's one shape of a status: an embedding
 * tool reads it back with {@link ProjectStatus#fromJson} into the status that was printed.
 */
class StatusJsonCliProperties {
  static final ObjectMapper JSON = new ObjectMapper();

  @Provide
  Arbitrary<ProjectStatus> statuses() {
    return Statuses.statuses();
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
  @SuppressWarnings("unchecked")
  void thePrintedJsonReadsBackAsTheStatus(@ForAll("statuses") ProjectStatus s) throws Exception {
    StringWriter text = new StringWriter();
    Json.print(new PrintWriter(text), Views.status(s));
    ProjectStatus back = ProjectStatus.fromJson(JSON.readValue(text.toString(), Map.class));
    assertEquals(Statuses.asShown(s), back);
  }
}
