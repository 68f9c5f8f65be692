package io.eurus.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks a port before anything slow starts, so a taken port is reported at once and by name. */
public final class Ports {

  private Ports() {
  }

  /**
   * @param howToChange the option or variable that sets the port, named in the error
   * @throws StartupException when the port cannot be bound
   */
  public static void requireFree(String host, int port, String howToChange) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new StartupException("port " + port + " on " + host + " is already in use: choose another with " + howToChange);
    }
  }
}
