/**
 * Projects and their lifecycle. Get a {@link dev.po.project.Project} from {@link dev.po.Po#project}
 * and start, stop, inspect or update it, read its agents' logs or attach to one; describe a new one
 * with {@link dev.po.Po#create}; start or stop several with {@link dev.po.Po#start} and {@link
 * dev.po.Po#stop}, roll a new harness ref over them with {@link dev.po.Po#update}. Every operation
 * returns a small result record ({@link dev.po.project.CreateResult}, {@link
 * dev.po.project.LaunchResult}, {@link dev.po.project.LaunchSummary}, {@link
 * dev.po.project.UpdateResult}, {@link dev.po.project.RollSummary}) and fails with a
 * {@link dev.po.project.ProjectException} (a {@link dev.po.project.LaunchException} when the harness
 * launcher fails) whose message says what and where.
 *
 * <pre>{@code
 * Po po = Po.open(Path.of("fleet.toml")).withEnvironment(Map.of("AO_TMUX_SOCKET", "my-fleet"));
 * po.create("my-project").setRef("v0.1.0").setRegister(true).call();
 * po.project("my-project").start();
 * po.project("my-project").update("v0.2.0").setRestart(true).call();
 * System.out.println(po.stop().setAll(true).call().line());
 * }</pre>
 */
package dev.po.project;
