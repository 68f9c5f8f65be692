package io.eurus.embedded.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates and their stores, made by the JDK's own keytool for one test run: no key is checked in,
 * and none outlives the test's temporary folder.
 */
public final class Keytool {

  private Keytool() {
  }

  /**
   * A PKCS12 keystore holding a new key and its self-signed certificate for 127.0.0.1 and localhost, and the
   * certificate alone as PEM beside it ({@code NAME.pem}).
   */
  public static Path keystore(Path dir, String name, String password) {
    Path keystore = dir.resolve(name + ".p12");
    run("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
        "-dname", "CN=" + name + ", O=Eurus test", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
    run("-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass", password,
        "-file", certificate(dir, name).toString());
    return keystore;
  }

  /** The PEM certificate that {@link #keystore} wrote for {@code name}. */
  public static Path certificate(Path dir, String name) {
    return dir.resolve(name + ".pem");
  }

  /** A PKCS12 truststore that trusts the certificate of {@code name} (made by {@link #keystore}). */
  public static Path truststore(Path dir, String name, String trusted, String password) {
    Path truststore = dir.resolve(name + ".p12");
    run("-importcert", "-noprompt", "-alias", trusted, "-file", certificate(dir, trusted).toString(),
        "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", password);
    return truststore;
  }

  private static void run(String... arguments) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(arguments));
    try {
      Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run keytool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
