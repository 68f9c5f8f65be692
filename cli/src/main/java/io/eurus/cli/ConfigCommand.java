package io.eurus.cli;

import io.eurus.platform.settings.ConfigTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Print the configuration reference (every setting, its environment variable, default and meaning) as Markdown.")
final class ConfigCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    System.out.print(ConfigTable.markdown(AllInOne.DEFINITION));
    return 0;
  }
}
