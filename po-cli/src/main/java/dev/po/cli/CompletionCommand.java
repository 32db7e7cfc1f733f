package dev.po.cli;

import dev.po.PoException;
import dev.po.fleet.ProjectEntry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code po completion bash|zsh}: picocli's completion script for the whole command tree, where a
 * NAME argument completes from the registry's project names at the moment TAB is pressed.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script: commands, options, files for --fleet, and project names"
          + " for NAME, read from the registry (--fleet on the line, else $PO_FLEET, else"
          + " ./fleet.toml) each time TAB is pressed.",
      "",
      "bash: po completion bash > ~/.local/share/bash-completion/completions/po",
      "zsh:  po completion zsh > ~/.po-completion.zsh, and in ~/.zshrc:",
      "      source ~/.po-completion.zsh",
      ""
    },
    subcommands = CompletionCommand.Names.class)
public final class CompletionCommand implements Callable<Integer> {
  /** The shells picocli's script serves: bash natively, zsh through its bashcompinit. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  // Optional to picocli only because the hidden names subcommand must parse without it.
  @Parameters(paramLabel = "SHELL", arity = "0..1", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    if (shell == null) {
      throw new ParameterException(spec.commandLine(), "name a shell: bash or zsh");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (shell == Shell.zsh) {
      out.println("# po completion for zsh: the bash script below, loaded through zsh's bashcompinit.");
    }
    out.print(script(spec.root().commandLine().getCommandName()));
    out.flush();
    return 0;
  }

  /** picocli's script with every project-name placeholder replaced by a call of po itself. */
  String script(String command) {
    String generated = AutoComplete.bash(command, spec.root().commandLine());
    String quoted = "(\"" + ProjectNames.PLACEHOLDER + "\")";
    if (!generated.contains(quoted)) {
      throw new PoException("picocli's completion script no longer lists " + quoted + ": NAME would not complete");
    }
    // A name never holds a blank, so the default word splitting makes one array item per name.
    String names = "($(_po_project_names))";
    return generated.replace(quoted, names).replace("\n# CompWordsContainsArray", NAMES_FUNCTION + "\n# CompWordsContainsArray");
  }

  /**
   * Runs the po being completed (as typed, so an alias or a path works) for the registry's names,
   * passing on a --fleet given on the line; prints nothing when the registry cannot be read.
   */
  private static final String NAMES_FUNCTION =
      """

      # _po_project_names prints the registry's project names, one a line, by asking the po being
      # completed; a --fleet FILE already on the line names the registry.
      function _po_project_names() {
        local i file="" fleet=""
        for ((i = 1; i < COMP_CWORD; i++)); do
          case ${COMP_WORDS[i]} in
            --fleet) file=${COMP_WORDS[i+1]} ;;
            --fleet=*) file=${COMP_WORDS[i]#--fleet=} ;;
          esac
        done
        # The words are as typed: the shell has not yet expanded a ~/ that it will on Enter.
        case $file in
          "~/"*) file=$HOME/${file:2} ;;
        esac
        [[ -n $file ]] && fleet="--fleet $(printf '%q' "$file")"
        eval "${COMP_WORDS[0]} completion names ${fleet}" 2>/dev/null
      }
      """;

  /** {@code po completion names}: what the script calls; hidden, for the script alone. */
  @Command(
      name = "names",
      hidden = true,
      description = "Print the registry's project names, one a line; nothing when it cannot be read.")
  static final class Names implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FleetFile fleet;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        for (ProjectEntry p : fleet.po().fleet().projects()) {
          out.println(p.name());
        }
      } catch (PoException | IllegalArgumentException e) {
        // Completion must never print an error into the operator's command line.
      }
      return 0;
    }
  }
}
