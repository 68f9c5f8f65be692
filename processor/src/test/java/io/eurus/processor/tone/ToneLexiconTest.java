package io.eurus.processor.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eurus.platform.StartupException;
import io.eurus.platform.settings.SettingsException;
import io.eurus.processor.text.Languages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lexicon file is read like every configuration file: every problem at once, each with its path. */
class ToneLexiconTest {

  private static final Languages LANGUAGES = Languages.defaults();

  @TempDir
  Path tmp;

  @Test
  void everyProblemOfALexiconIsReportedAtOnceWithItsPath() throws Exception {
    Path file = Files.writeString(tmp.resolve("lexicon.yaml"), """
        en:
          negatorz: [not]
          classes:
            verbal-cooperashun: {weight: 0.4, terms: {talks: }}
            verbal-conflict: {weight: 0.4, terms: {condemn: 1.5, protest: }}
            material-conflict: {weight: 2, terms: {strike: }}
        ru:
          modals: может
        """);

    assertThatThrownBy(() -> ToneLexicon.load(file, LANGUAGES)).isInstanceOfSatisfying(SettingsException.class, e ->
        assertThat(e.problems()).containsExactlyInAnyOrder(
            file + ": en: unknown key 'negatorz' (known: classes, contrast, modals, negators, polarity, reversers)",
            file + ": en.classes: 'verbal-cooperashun' is not a CAMEO class (verbal-cooperation, material-cooperation, "
                + "verbal-conflict, material-conflict)",
            file + ": en.classes.verbal-conflict.terms: weight of 'condemn' is 1.5, not in [0, 1] (the class gives the sign)",
            file + ": en.classes.material-conflict.terms: weight of 'strike' is 2.0, not in [0, 1] (the class gives the sign)",
            file + ": ru.modals: must be a list such as [a, b] (was 'может')"))
        .hasMessageStartingWith("lexicon " + file + " has 5 problems:");
  }

  @Test
  void aLanguageThisDeploymentDoesNotAnalyseIsReadButNotCompiled() throws Exception {
    Path file = Files.writeString(tmp.resolve("lexicon.yaml"), """
        en:
          classes:
            verbal-conflict: {weight: 0.6, terms: {condemn: }}
        xx:
          classes:
            not-a-class: {terms: {anything: 3}}
        """);

    ToneLexicon lexicon = ToneLexicon.load(file, LANGUAGES);

    assertThat(lexicon.of("en")).isNotNull();
    assertThat(lexicon.of("xx")).isNull();
  }

  @Test
  void aMissingLexiconSaysSo() {
    Path missing = tmp.resolve("nope.yaml");

    assertThatThrownBy(() -> ToneLexicon.load(missing, LANGUAGES)).isInstanceOf(StartupException.class)
        .hasMessage("lexicon " + missing + " does not exist");
    assertThat(ToneLexicon.bundled(LANGUAGES).of("ru")).isNotNull();
  }
}
