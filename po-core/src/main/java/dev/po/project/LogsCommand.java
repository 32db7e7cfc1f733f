package dev.po.project;

import dev.po.host.LogsRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the logs the harness keeps of a project's agents: the last lines of one agent, or of each
 * agent in agents.toml order; {@link #follow} goes on with the lines as they are written. Reads
 * files only and starts no process here; the logs of a project on another host are read by po
 * there, and come over ssh.
 *
 * <pre>{@code
 * po.project("my-project").logs().setAgent("worker").setLines(50).call()
 *     .forEach(l -> System.out.println(l.text()));
 * }</pre>
 */
public final class LogsCommand {
  /** How many lines of each log {@link #call()} gives unless told. */
  public static final int DEFAULT_LINES = 10;

  private final Project project;
  private String agent;
  private int lines = DEFAULT_LINES;

  LogsCommand(Project project) {
    this.project = Objects.requireNonNull(project, "project");
  }

  /** One agent's log; {@code null} (the default) for every agent's. */
  public LogsCommand setAgent(String agent) {
    this.agent = agent;
    return this;
  }

  /** How many of the last lines of each log; {@code 0} with {@link #follow} shows new lines only. */
  public LogsCommand setLines(int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("lines (" + lines + ") must not be negative");
    }
    this.lines = lines;
    return this;
  }

  /**
   * The last lines of each chosen log, agent after agent. Throws {@link ProjectException} for an
   * agent the harness does not know, or when there is no log yet ({@link HostException} when the
   * project's host cannot be reached).
   */
  public List<LogLine> call() {
    return project.host().logs(request());
  }

  /**
   * Gives {@code sink} the last lines of each chosen log, then every line written to them after,
   * as it comes, until the calling thread is interrupted. A log that does not exist yet is waited
   * for. For a project on another host the lines come over ssh, and an interrupt ends that
   * connection and the reading there.
   */
  public void follow(Consumer<LogLine> sink) {
    Objects.requireNonNull(sink, "sink");
    project.host().follow(request(), sink, () -> {});
  }

  private LogsRequest request() {
    return new LogsRequest(project.target(), agent, lines);
  }
}
