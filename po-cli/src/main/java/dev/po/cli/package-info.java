/**
 * The {@code po} command line: picocli commands that parse arguments, call po-core and print.
 *
 * <p>To add a command, write one class and list it in {@link dev.po.cli.PoCommand}'s
 * {@code subcommands} (or in {@link dev.po.cli.fleet.FleetCommand}'s for {@code po fleet ...}):
 *
 * <pre>{@code
 * @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a project.")
 * final class StartCommand implements Callable<Integer> {
 *   @Spec CommandSpec spec;          // spec.commandLine().getOut() is stdout
 *   @Mixin FleetFile fleet;          // --fleet FILE, else $PO_FLEET, else ./fleet.toml
 *   @Parameters(paramLabel = "NAME") String name;
 *
 *   public Integer call() {
 *     var result = fleet.po().project(name).start();
 *     spec.commandLine().getOut().println(name + ": started");
 *     return 0;
 *   }
 * }
 * }</pre>
 *
 * <p>Do not catch po-core's exceptions: {@link dev.po.cli.ErrorHandler} turns a
 * {@link dev.po.PoException} into {@code po: message} on stderr (a registry's every problem on a
 * line of its own) and exit 1, and anything else into an internal error; picocli's
 * usage errors exit 2. {@link dev.po.cli.Table} prints aligned tables, {@link dev.po.cli.Json}
 * prints JSON with a fixed field order. For a person at a terminal, {@link dev.po.cli.Colours}
 * colours states on stdout and {@link dev.po.cli.Progress} counts finished steps on stderr; both
 * stay silent for pipes, files and {@code --json}. Tests run commands in-process through
 * {@link dev.po.cli.Main#run}.
 */
package dev.po.cli;
