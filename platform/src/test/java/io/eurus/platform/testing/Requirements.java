package io.eurus.platform.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What some tests need beyond JDK and Maven: the third-party data in {@code ../shared/data}, or a browser.
 * On a developer's machine a test without them is skipped with a message; under CI ({@code EURUS_CI=1},
 * set by {@code .ci/run}) it fails, so a missing install step cannot hide behind a green run.
 */
public final class Requirements {

  private Requirements() {
  }

  public static boolean ci() {
    return "1".equals(System.getenv("EURUS_CI"));
  }

  /** The shared third-party data folder ({@code ../shared/data}), or the test is skipped (fails under CI). */
  public static Path sharedData() {
    String configured = System.getProperty("eurus.shared.data");
    Path data = configured == null ? Path.of("..", "..", "shared", "data") : Path.of(configured);
    require(Files.isDirectory(data), "the shared third-party data at " + data.toAbsolutePath().normalize()
        + " (check out ../shared beside the project)");
    return data;
  }

  /** Skips the test (fails it under CI) when {@code present} is false. */
  public static void require(boolean present, String what) {
    if (ci() && !present) {
      throw new AssertionError("CI needs " + what + ", and it is missing");
    }
    assumeTrue(present, "skipped: needs " + what);
  }
}
