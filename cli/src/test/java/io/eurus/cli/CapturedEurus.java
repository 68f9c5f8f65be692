package io.eurus.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code eurus} command in-process, keeping what it prints for assertions. */
public final class CapturedEurus {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private final CommandLine cli;

  public CapturedEurus() {
    this(Eurus.commandLine());
  }

  /** Captures another command line built on Eurus' own (the tools' one adds commands to it). */
  public CapturedEurus(CommandLine cli) {
    this.cli = cli;
  }

  public int run(String... args) {
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  public String out() {
    return out.toString();
  }

  public String err() {
    return err.toString();
  }
}
