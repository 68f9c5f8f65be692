package io.eurus.cli;

import io.eurus.platform.StartupException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code eurus} command. */
@Command(name = "eurus", mixinStandardHelpOptions = true, versionProvider = Eurus.Version.class,
    description = "Eurus watches news feeds for a desk that follows EU–Russia relations and raises live alerts.",
    footer = {"", "Evaluation tools (built on first use, not part of this jar): ./eurus eval, ./eurus train-tone"},
    subcommands = {RunCommand.class, ServiceCommands.Ingest.class, ServiceCommands.Processor.class,
        ServiceCommands.Alerts.class, FeedCommand.class, ScoreCommand.class, ReplayCommand.class, ConfigCommand.class,
        CommandLine.HelpCommand.class})
public final class Eurus {

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with Eurus' error handling: a problem the operator can fix is one line, no stack trace. */
  public static CommandLine commandLine() {
    Eurus eurus = new Eurus();
    CommandLine cli = new CommandLine(eurus);
    cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (error instanceof StartupException) {
        err.println("eurus: " + error.getMessage());
      } else {
        err.println("eurus: unexpected error: " + error + (eurus.verbose ? "" : " (--verbose shows the stack trace)"));
      }
      if (eurus.verbose) {
        error.printStackTrace(err);
      }
      err.flush();
      return 1;
    });
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Eurus.class.getPackage().getImplementationVersion();
      return new String[] {"eurus " + (version == null ? "development build" : version)};
    }
  }
}
