package io.eurus.tools;

import io.eurus.cli.Eurus;
import picocli.CommandLine;

/**
 * The {@code eurus} command with the evaluation tools added: what {@code ./eurus eval} and
 * {@code ./eurus train-tone} run, from
 * {@code tools/target/eurus-tools.jar} beside the product jar. The tools stay out of the product jar, so a
 * deployment carries no harness code and no test data readers.
 */
public final class EurusTools {

  private EurusTools() {
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Eurus' command line, with its error handling, plus the tools' commands. */
  public static CommandLine commandLine() {
    return Eurus.commandLine().addSubcommand(new EvalCommand()).addSubcommand(new TrainToneCommand());
  }
}
