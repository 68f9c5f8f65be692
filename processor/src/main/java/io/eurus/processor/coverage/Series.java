package io.eurus.processor.coverage;

import io.eurus.events.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One series of coverage: every relevant article of the profile, a bloc, a bloc in one language, or one side.
 * Named {@code profile/all}, {@code profile/bloc}, {@code profile/bloc/language} and {@code profile/side/name}.
 *
 * @param bloc     the source bloc; null for all sources and for a side
 * @param language ISO 639-1 code for {@link SeriesLevel#BLOC_LANGUAGE}, else null
 * @param side     the side's name for {@link SeriesLevel#SIDE}, else null
 */
public record Series(String name, SeriesLevel level, String bloc, String language, String side) {

  /** Language of an article that says none. */
  static final String UNKNOWN_LANGUAGE = "und";
  /** Bloc of an article whose feed names none. */
  static final String UNKNOWN_BLOC = "unassigned";

  /** The series an article counts in, finest first; its side's series when its bloc speaks for one. */
  public static List<Series> of(String profile, Article article, Sides sides) {
    String bloc = blocOf(article.bloc());
    String language = languageOf(article.language());
    List<Series> series = new ArrayList<>(4);
    series.add(new Series(profile + "/" + bloc + "/" + language, SeriesLevel.BLOC_LANGUAGE, bloc, language, null));
    series.add(new Series(profile + "/" + bloc, SeriesLevel.BLOC, bloc, null, null));
    series.add(all(profile));
    String side = sides.sideOf(bloc);
    if (side != null) {
      series.add(side(profile, side));
    }
    return series;
  }

  public static Series all(String profile) {
    return new Series(profile + "/all", SeriesLevel.ALL, null, null, null);
  }

  public static Series side(String profile, String side) {
    return new Series(profile + "/side/" + side, SeriesLevel.SIDE, null, null, side);
  }

  /**
   * Whether a source of this bloc and language, carrying a story, writes in this series: the story counts where it
   * first appears in it.
   */
  public boolean carries(String sourceBloc, String sourceLanguage, Sides sides) {
    String bloc = blocOf(sourceBloc);
    return switch (level) {
      case ALL -> true;
      case BLOC -> bloc.equals(this.bloc);
      case BLOC_LANGUAGE -> bloc.equals(this.bloc) && languageOf(sourceLanguage).equals(language);
      case SIDE -> Objects.equals(sides.sideOf(bloc), side);
    };
  }

  /** For people: "russia-state (ru)", "russia-state", "all sources", "the eu side". */
  public String label() {
    return switch (level) {
      case BLOC_LANGUAGE -> bloc + " (" + language + ")";
      case BLOC -> bloc;
      case ALL -> "all sources";
      case SIDE -> "the " + side + " side";
    };
  }

  private static String blocOf(String bloc) {
    return bloc == null || bloc.isBlank() ? UNKNOWN_BLOC : bloc;
  }

  private static String languageOf(String language) {
    return language == null || language.isBlank() ? UNKNOWN_LANGUAGE : language;
  }
}
