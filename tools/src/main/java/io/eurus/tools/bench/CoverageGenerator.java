package io.eurus.tools.bench;

import io.eurus.events.Article;
import io.eurus.events.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A month of made-up coverage of EU–Russia relations for the replay benchmark, the same file for the same
 * arguments: English and Russian articles from twenty sources in the blocs of the default feed list, more by day
 * than by night, about half of them about the relationship (actors of both sides with conflict, cooperation or
 * neutral verbs) and the rest about anything else. One article in eight is a syndicated copy of another source's
 * recent story in the same language, lightly edited. Three things happen, so the detectors have something to find
 * (on these days of a 30-day month; a shorter span has them at the same fraction of its days):
 *
 * <ul>
 *   <li>day 10, 12:00–15:00 UTC: a burst — four times the usual articles, most about an expulsion of diplomats;</li>
 *   <li>days 15–17: the Russian state media turn sharply more conflictual;</li>
 *   <li>days 23–24: the EU side turns cooperative (talks resume) while the Russian side does not.</li>
 * </ul>
 *
 * One article in twenty has no {@code id} and one in twenty no {@code language}, as an archive from another tool
 * might, so the replay derives them. The texts are grammatical enough for the tone lexicon and the stemmers, not
 * for a reader. Usage: {@code CoverageGenerator ARTICLES FILE [DAYS] [quiet]}; {@code quiet}: the same month with
 * nothing planted, on which every alert of the detectors is a false alarm.
 */
public final class CoverageGenerator {

  private record Source(String name, String feedId, String bloc, String language, double weight) {
  }

  /** An actor's name in the forms the Russian templates need: nominative, genitive, instrumental. */
  private record Actor(String nominative, String genitive, String instrumental) {
  }

  private record Story(String title, List<String> sentences, String language, long published) {
  }

  /** Days (from 0, of a 30-day month) of the events planted: the burst, the hostile and the cooperative turn. */
  private static final int BURST_DAY = 9;
  private static final int BURST_FROM_HOUR = 12;
  private static final int BURST_HOURS = 3;
  private static final int HOSTILE_FROM = 14;
  private static final int HOSTILE_UNTIL = 17;
  private static final int COOPERATIVE_FROM = 22;
  private static final int COOPERATIVE_UNTIL = 24;

  /** A Monday, so that the burst of a short span comes on a weekday with weekdays before it to learn from. */
  static final Instant START = Instant.parse("2026-09-28T00:00:00Z");

  private static final List<Source> SOURCES = List.of(
      new Source("Council of the EU", "consilium-press", "eu-institutions", "en", 0.5),
      new Source("European Commission", "ec-presscorner", "eu-institutions", "en", 0.5),
      new Source("European Parliament", "europarl-news", "eu-institutions", "en", 0.4),
      new Source("EUobserver", "euobserver", "eu-media", "en", 0.8),
      new Source("Euractiv", "euractiv", "eu-media", "en", 1.2),
      new Source("Politico Europe", "politico-europe", "eu-media", "en", 1.2),
      new Source("DW – Europe", "dw-europe", "eu-media", "en", 1.0),
      new Source("DW на русском", "dw-russian", "eu-media", "ru", 0.8),
      new Source("TASS (English)", "tass-en", "russia-state", "en", 1.5),
      new Source("ТАСС", "tass-ru", "russia-state", "ru", 2.5),
      new Source("РИА Новости", "ria-ru", "russia-state", "ru", 2.5),
      new Source("Интерфакс", "interfax-ru", "russia-state", "ru", 1.5),
      new Source("Президент России", "kremlin-ru", "russia-state", "ru", 0.3),
      new Source("Meduza (English)", "meduza-en", "russia-independent", "en", 0.6),
      new Source("Медуза", "meduza-ru", "russia-independent", "ru", 1.0),
      new Source("Новая газета Европа", "novaya-europe", "russia-independent", "ru", 0.7),
      new Source("BBC News – Europe", "bbc-europe", "international", "en", 1.2),
      new Source("BBC News Русская служба", "bbc-russian", "international", "ru", 0.9),
      new Source("Euronews", "euronews-en", "international", "en", 1.0),
      new Source("The Guardian – Russia", "guardian-russia", "international", "en", 0.6));

  /** Share of the day's articles in each hour (UTC): quiet at night, busiest late morning. */
  private static final double[] HOURS = {0.4, 0.3, 0.3, 0.3, 0.4, 0.6, 0.9, 1.2, 1.5, 1.7, 1.8, 1.8, 1.7, 1.6, 1.6,
      1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8, 0.7, 0.5};

  private static final String[] EU_EN = {"The European Union", "The EU", "Brussels", "The European Commission",
      "EU foreign ministers", "Kaja Kallas", "The European Parliament", "Germany", "France", "The Council of the EU",
      "Ursula von der Leyen", "EU leaders"};
  private static final String[] RU_EN = {"Russia", "Moscow", "The Kremlin", "Vladimir Putin", "Sergei Lavrov",
      "The Russian Foreign Ministry", "Maria Zakharova", "Dmitry Peskov"};
  private static final Actor[] EU_RU = {new Actor("Евросоюз", "Евросоюза", "Евросоюзом"),
      new Actor("ЕС", "ЕС", "ЕС"), new Actor("Брюссель", "Брюсселя", "Брюсселем"),
      new Actor("Еврокомиссия", "Еврокомиссии", "Еврокомиссией"), new Actor("Европарламент", "Европарламента", "Европарламентом"),
      new Actor("Германия", "Германии", "Германией"), new Actor("Франция", "Франции", "Францией"),
      new Actor("Каллас", "Каллас", "Каллас")};
  private static final Actor[] RU_RU = {new Actor("Россия", "России", "Россией"), new Actor("Москва", "Москвы", "Москвой"),
      new Actor("Кремль", "Кремля", "Кремлем"), new Actor("Путин", "Путина", "Путиным"),
      new Actor("Лавров", "Лаврова", "Лавровым"), new Actor("МИД России", "МИД России", "МИД России"),
      new Actor("Захарова", "Захаровой", "Захаровой"), new Actor("Песков", "Пескова", "Песковым")};

  private static final String[] CONFLICT_EN = {"imposed new sanctions on %s", "expelled %2$d diplomats of %1$s",
      "condemned the decision of %s", "accused %s of aggression", "threatened retaliation against %s",
      "summoned the ambassador of %s", "banned flights from %s", "announced an asset freeze against %s",
      "warned of countermeasures against %s", "denounced the hostile policy of %s", "criticised %s over the detention of %2$d journalists",
      "rejected the ultimatum of %s"};
  private static final String[] COOPERATION_EN = {"agreed to resume talks with %s", "welcomed the proposal of %s",
      "held constructive consultations with %s", "signed an agreement with %s", "praised the dialogue with %s",
      "agreed on a prisoner exchange with %s", "thanked %s for the humanitarian aid", "called for de-escalation with %s",
      "hailed the partnership with %s on %2$d grain shipments"};
  private static final String[] NEUTRAL_EN = {"commented on a statement by %s", "received a letter from %s",
      "published a report on %s", "answered questions about %s", "noted the figures released by %s on %2$d ports"};

  private static final String[] CONFLICT_RU = {"ввел новые санкции против %s", "выслал %2$d дипломатов %1$s",
      "осудил решение %s", "обвинил власти %s в агрессии", "пригрозил ответными мерами в адрес %s",
      "вызвал посла %s", "объявил заморозку активов %s", "раскритиковал враждебный курс %s",
      "назвал провокацией заявление %s", "предупредил о контрмерах против %s"};
  private static final String[] COOPERATION_RU = {"договорился о возобновлении переговоров с %s",
      "приветствует предложение %s", "провел конструктивные консультации с %s", "подписал соглашение с %s",
      "высоко оценил диалог с %s", "договорился об обмене пленными с %s", "поблагодарил %s за гуманитарную помощь"};
  private static final String[] NEUTRAL_RU = {"прокомментировал заявление %s", "получил письмо от %s",
      "опубликовал доклад о политике %s", "ответил на вопросы о позиции %s"};

  private static final String[] WHEN_EN = {"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
      "in a statement", "according to officials", "after a meeting in Brussels", "late on Sunday",
      "at a news conference", "citing diplomatic sources", "amid rising tension over the gas transit"};
  private static final String[] WHEN_RU = {"в понедельник", "во вторник", "в среду", "в четверг", "в пятницу",
      "в заявлении", "по словам источников", "после встречи в Брюсселе", "на пресс-конференции", "в воскресенье вечером"};

  private static final String[] WORDS_EN = ("market bank railway harbour council city region village farmer weather "
      + "storm rain heat harvest price inflation budget school hospital doctor nurse patient football club match "
      + "season coach player festival museum exhibition film director actor novel author library bridge road tunnel "
      + "airport flight passenger train station energy power plant solar wind turbine battery factory worker union "
      + "strike wage pension tax reform court judge lawyer police station river lake forest park fire rescue team "
      + "company shares investor profit loss quarter report data survey study science laboratory university student "
      + "teacher exam software startup phone network cable satellite launch rocket museum painting concert orchestra "
      + "recipe restaurant chef tourist hotel beach island mountain snow ski resort traffic accident driver car bus "
      + "cyclist marathon runner record medal champion league cup final goal stadium fans ticket mayor election "
      + "campaign voter poll candidate debate climate emission carbon target green plan housing rent tenant mortgage "
      + "local annual new old large small early late rapid slow strong weak rural urban northern southern public "
      + "private national regional digital average higher lower opened closed announced reported increased reduced "
      + "expected planned delayed approved built launched visited recorded").split(" ");
  private static final String[] WORDS_RU = ("рынок банк железная дорога порт совет город область деревня фермер погода "
      + "шторм дождь жара урожай цена инфляция бюджет школа больница врач медсестра пациент футбол клуб матч сезон "
      + "тренер игрок фестиваль музей выставка фильм режиссер актер роман автор библиотека мост дорога тоннель "
      + "аэропорт рейс пассажир поезд вокзал энергия электростанция солнечный ветер батарея завод рабочий профсоюз "
      + "зарплата пенсия налог реформа суд судья адвокат полиция река озеро лес парк пожар спасатели команда компания "
      + "акции инвестор прибыль убыток квартал отчет данные опрос исследование наука лаборатория университет студент "
      + "учитель экзамен программа стартап телефон сеть кабель спутник запуск картина концерт оркестр рецепт ресторан "
      + "повар турист гостиница пляж остров гора снег курорт движение авария водитель автобус велосипедист марафон "
      + "рекорд медаль чемпион лига кубок финал гол стадион болельщики билет мэр выборы кампания избиратель кандидат "
      + "климат выбросы углерод цель план жилье аренда ипотека местный ежегодный новый старый большой малый ранний "
      + "поздний быстрый медленный сильный слабый сельский городской северный южный частный национальный цифровой "
      + "средний открыл закрыл сообщил увеличил сократил ожидается запланирован отложен одобрен построен").split(" ");

  private final SplittableRandom random;
  private final int days;
  /** Whether the three events above happen; without them the month is the baseline a false alarm is measured on. */
  private final boolean planted;
  private final double[] cumulativeSources;
  private final Deque<Story> recentEn = new ArrayDeque<>();
  private final Deque<Story> recentRu = new ArrayDeque<>();
  private long serial;

  private CoverageGenerator(long seed, int days, boolean planted) {
    this.random = new SplittableRandom(seed);
    this.days = days;
    this.planted = planted;
    this.cumulativeSources = new double[SOURCES.size()];
    double sum = 0;
    for (int i = 0; i < SOURCES.size(); i++) {
      sum += SOURCES.get(i).weight();
      cumulativeSources[i] = sum;
    }
  }

  public static void main(String[] args) throws IOException {
    int articles = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 300_000;
    Path file = Path.of(args.length > 1 ? args[1] : "coverage.jsonl");
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    boolean quiet = args.length > 3 && args[3].equals("quiet");
    long bytes = new CoverageGenerator(2026, days, !quiet).writeTo(articles, file);
    System.out.printf(Locale.ROOT, "%,d articles over %d days%s in %s (%,d MB)%n", articles, days,
        quiet ? ", nothing planted," : "", file, bytes >> 20);
  }

  /**
   * Writes {@code count} articles over {@code days} days from Monday 28 September 2026, in order of publication, one JSON
   * object per line; returns the file's size. The same arguments give the same file.
   */
  public static long write(int count, int days, Path file) throws IOException {
    return new CoverageGenerator(2026, days, true).writeTo(count, file);
  }

  private long writeTo(int count, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    long[] times = publishedTimes(count);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long published : times) {
        out.write(Json.mapper().writeValueAsString(article(published)));
        out.write('\n');
      }
    }
    return Files.size(file);
  }

  /** Publication times over the month, by hour-of-day weight, with the burst; sorted. */
  private long[] publishedTimes(int count) {
    double[] weights = new double[days * 24];
    for (int hour = 0; hour < weights.length; hour++) {
      weights[hour] = HOURS[hour % 24] * (burst(hour * 3_600_000L) ? 4 : 1);
    }
    double total = Arrays.stream(weights).sum();
    long[] times = new long[count];
    int next = 0;
    double carried = 0;
    for (int hour = 0; hour < weights.length; hour++) {
      carried += weights[hour] / total * count;
      int inHour = (int) carried;
      carried -= inHour;
      for (int i = 0; i < inHour && next < count; i++) {
        times[next++] = START.toEpochMilli() + hour * 3_600_000L + random.nextLong(3_600_000L);
      }
    }
    while (next < count) {
      times[next++] = START.toEpochMilli() + random.nextLong(days * 86_400_000L);
    }
    Arrays.sort(times);
    return times;
  }

  private boolean burst(long offsetMs) {
    long day = offsetMs / 86_400_000L;
    long hour = offsetMs / 3_600_000L % 24;
    return planted && day == day(BURST_DAY) && hour >= BURST_FROM_HOUR && hour < BURST_FROM_HOUR + BURST_HOURS;
  }

  private long day(int ofMonth) {
    return dayOf(ofMonth, days);
  }

  /** Day {@code ofMonth} (from 0) of a 30-day month, scaled to the days generated: events keep their place. */
  private static long dayOf(int ofMonth, int days) {
    return ofMonth * (long) days / 30;
  }

  private Article article(long published) {
    Source source = source();
    boolean copy = random.nextInt(8) == 0;
    Deque<Story> recent = source.language().equals("ru") ? recentRu : recentEn;
    Story story = copy ? recentStory(recent, published) : null;
    if (story == null) {
      story = newStory(source, published);
      recent.addFirst(story);
      if (recent.size() > 200) {
        recent.removeLast();
      }
    } else {
      story = edited(story);
    }
    long id = serial++;
    Instant at = Instant.ofEpochMilli(published);
    Instant fetched = at.plus(Duration.ofSeconds(60 + random.nextInt(900)));
    String text = String.join(" ", story.sentences());
    String summary = story.sentences().get(0);
    return Article.builder()
        .id(random.nextInt(20) == 0 ? null : articleId(id))
        .revision(1)
        .feedId(source.feedId())
        .source(source.name())
        .bloc(source.bloc())
        .url("https://" + source.feedId() + ".example/news/" + id)
        .title(story.title())
        .summary(summary)
        .text(text)
        .language(random.nextInt(20) == 0 ? null : source.language())
        .published(at)
        .fetched(fetched)
        .build();
  }

  private Story recentStory(Deque<Story> recent, long now) {
    for (Story story : recent) {
      if (now - story.published() > Duration.ofHours(3).toMillis()) {
        break;
      }
      if (random.nextInt(3) == 0) {
        return story;
      }
    }
    return null;
  }

  private Story newStory(Source source, long published) {
    long offset = published - START.toEpochMilli();
    boolean russian = source.language().equals("ru");
    boolean relevant = burst(offset) ? random.nextInt(10) < 8 : random.nextInt(100) < 45;
    List<String> sentences = new ArrayList<>();
    int length = 8 + random.nextInt(11);
    int about = relevant ? 2 + random.nextInt(4) : 0;
    for (int i = 0; i < length; i++) {
      sentences.add(i < about ? relationSentence(source, offset, russian) : filler(russian));
    }
    // Relationship sentences lead, as they do in news about the relationship; the title restates the first.
    String title = relevant ? headline(sentences.get(0)) : headline(filler(russian));
    return new Story(title, sentences, source.language(), published);
  }

  /** A copy another outlet ran: a sentence or two dropped at the end, a few words changed, a new title. */
  private Story edited(Story original) {
    List<String> sentences = new ArrayList<>(original.sentences());
    int drop = Math.min(sentences.size() - 4, random.nextInt(3));
    for (int i = 0; i < drop; i++) {
      sentences.remove(sentences.size() - 1);
    }
    int changed = random.nextInt(sentences.size());
    sentences.set(changed, filler(original.language().equals("ru")));
    String title = (original.language().equals("ru") ? "СМИ: " : "Report: ") + original.title();
    return new Story(title, sentences, original.language(), original.published());
  }

  /** Conflict, cooperation or neutral, with the mix of the day, the source's side and the events above. */
  private String relationSentence(Source source, long offset, boolean russian) {
    long day = offset / 86_400_000L;
    double conflict = 0.5;
    double cooperation = 0.2;
    if (burst(offset)) {
      conflict = 0.9;
      cooperation = 0.02;
    } else if (planted && day >= day(HOSTILE_FROM) && day < day(HOSTILE_UNTIL) && source.bloc().equals("russia-state")) {
      conflict = 0.92;
      cooperation = 0.02;
    } else if (planted && day >= day(COOPERATIVE_FROM) && day < day(COOPERATIVE_UNTIL) && source.bloc().startsWith("eu-")) {
      conflict = 0.1;
      cooperation = 0.8;
    }
    double draw = random.nextDouble();
    String[] verbs = russian ? (draw < conflict ? CONFLICT_RU : draw < conflict + cooperation ? COOPERATION_RU : NEUTRAL_RU)
        : (draw < conflict ? CONFLICT_EN : draw < conflict + cooperation ? COOPERATION_EN : NEUTRAL_EN);
    if (burst(offset) && draw < conflict) {
      verbs = russian ? new String[] {"выслал %2$d дипломатов %1$s"} : new String[] {"expelled %2$d diplomats of %1$s"};
    }
    String verb = verbs[random.nextInt(verbs.length)];
    boolean euSpeaks = random.nextBoolean();
    if (russian) {
      Actor subject = pick(euSpeaks ? EU_RU : RU_RU);
      Actor object = pick(euSpeaks ? RU_RU : EU_RU);
      String target = verb.contains(" с %s") ? object.instrumental() : object.genitive();
      return subject.nominative() + " " + fill(verb, target) + " " + pick(WHEN_RU) + ".";
    }
    String subject = pick(euSpeaks ? EU_EN : RU_EN);
    String object = pick(euSpeaks ? RU_EN : EU_EN);
    return subject + " " + fill(verb, object.startsWith("The ") ? "the " + object.substring(4) : object) + " "
        + pick(WHEN_EN) + ".";
  }

  /** The template with its actor ({@code %1$s} or {@code %s}) and a number ({@code %2$d}) where it has one. */
  private String fill(String verb, String actor) {
    return String.format(Locale.ROOT, verb, actor, 2 + random.nextInt(30));
  }

  private String filler(boolean russian) {
    String[] words = russian ? WORDS_RU : WORDS_EN;
    int length = 9 + random.nextInt(10);
    StringBuilder sentence = new StringBuilder();
    for (int i = 0; i < length; i++) {
      String word = words[random.nextInt(words.length)];
      sentence.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(' ');
    }
    if (random.nextInt(4) == 0) {
      sentence.append(1990 + random.nextInt(40)).append(' ');
    }
    sentence.setCharAt(sentence.length() - 1, '.');
    return sentence.toString();
  }

  private static String headline(String sentence) {
    String text = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    return text.length() <= 110 ? text : text.substring(0, text.lastIndexOf(' ', 110));
  }

  private Source source() {
    double draw = random.nextDouble() * cumulativeSources[cumulativeSources.length - 1];
    for (int i = 0; i < cumulativeSources.length; i++) {
      if (draw < cumulativeSources[i]) {
        return SOURCES.get(i);
      }
    }
    return SOURCES.get(SOURCES.size() - 1);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String articleId(long serial) {
    return "a-" + HexFormat.of().toHexDigits(serial * 0x9E3779B97F4A7C15L);
  }
}
