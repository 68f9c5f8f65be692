package io.eurus.processor.series;

import java.nio.file.Path;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The one setting of windows and detectors: which detectors file to use. Everything in it (window size, grace,
 * baseline length, sensitivity) is per profile and lives in the file, where {@code eurus replay} can try it.
 * Part of the processor's settings ({@code ProcessorSettings.DEF}).
 */
public final class SeriesSettings {

  public static final String DETECTORS_FILE = "processor.detectors.file";

  public static final ConfigDef DEF = new ConfigDef()
      .define(DETECTORS_FILE, Type.STRING, "", Importance.MEDIUM,
          "YAML detectors file of the watch profile: window size, grace for late articles, baseline length, story "
              + "clustering, which blocs are on which side, and the sensitivity of TONE_SHIFT, VOLUME_SPIKE and "
              + "TONE_DIVERGENCE. Its profile must be the id of the watch profile in use. Empty: the bundled EU–Russia file.");

  private SeriesSettings() {
  }

  /** The detectors file the settings name; null for the bundled one. */
  public static Path detectorsFile(AbstractConfig settings) {
    String file = settings.getString(DETECTORS_FILE);
    return file.isBlank() ? null : Path.of(file);
  }
}
