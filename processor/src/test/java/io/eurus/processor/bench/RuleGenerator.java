package io.eurus.processor.bench;

import io.eurus.processor.rules.RuleFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A large rules file for benchmarks: the bundled EU–Russia rules, then generated rules in the desk's style —
 * a proximity phrase, two words, or (one rule in ten) a wildcard, AND'ed with an alternative of plain words — over a vocabulary of news words
 * in English and Russian, so most rules are about something else than a given article, as in a real desk.
 */
final class RuleGenerator {

  private static final List<String> EN = List.of("minister", "election", "budget", "court", "ruling", "strike",
      "union", "tariff", "steel", "grain", "harbour", "port", "vessel", "tanker", "airline", "airport", "bank",
      "bond", "inflation", "currency", "oil", "coal", "nuclear", "reactor", "wind", "solar", "railway", "bridge",
      "border", "migrant", "asylum", "refugee", "police", "protest", "parliament", "coalition", "opposition",
      "journalist", "newspaper", "broadcaster", "satellite", "cable", "cyber", "hacker", "virus", "vaccine",
      "hospital", "school", "university", "student", "farmer", "fisheries", "quota", "summit", "treaty", "charter",
      "army", "navy", "exercise", "missile", "drone", "pipeline", "terminal", "refinery", "fertiliser", "wheat",
      "investment", "fund", "loan", "debt", "audit", "fraud", "corruption", "embassy", "consulate", "visa", "passport");
  private static final List<String> RU = List.of("министр", "выборы", "бюджет", "суд", "решение", "забастовка",
      "профсоюз", "пошлина", "сталь", "зерно", "порт", "танкер", "авиакомпания", "аэропорт", "банк", "инфляция",
      "валюта", "нефть", "уголь", "реактор", "железная", "мост", "граница", "мигрант", "полиция", "протест",
      "парламент", "коалиция", "оппозиция", "журналист", "газета", "спутник", "кабель", "хакер", "вакцина",
      "больница", "школа", "университет", "фермер", "квота", "договор", "армия", "флот", "учения", "ракета",
      "трубопровод", "терминал", "удобрения", "пшеница", "инвестиции", "кредит", "долг", "коррупция", "посольство");

  private RuleGenerator() {
  }

  static String yaml(int total, Random random) {
    StringBuilder yaml = new StringBuilder(bundled());
    int bundledCount = RuleFile.bundled().rules().size();
    for (int i = bundledCount; i < total; i++) {
      boolean russian = random.nextInt(3) == 0;
      List<String> words = russian ? RU : EN;
      String first = words.get(random.nextInt(words.size()));
      String second = words.get(random.nextInt(words.size()));
      // Like the default rules: mostly plain (stemmed) words and phrases, a wildcard in one rule out of ten.
      int kind = random.nextInt(10);
      String head = kind == 0 ? first.substring(0, Math.max(3, first.length() - 2)) + "*"
          : kind < 5 ? "\"" + first + " " + second + "\"~3" : first + " AND " + second;
      String tail = words.get(random.nextInt(words.size())) + " OR " + words.get(random.nextInt(words.size()));
      yaml.append("  - {id: generated-").append(i).append(", name: Generated ").append(i)
          .append(", severity: LOW, languages: [").append(russian ? "ru" : "en").append("], query: '")
          .append(head).append(" AND (").append(tail).append(")'}\n");
    }
    return yaml.toString();
  }

  private static String bundled() {
    try (InputStream in = RuleGenerator.class.getResourceAsStream(RuleFile.BUNDLED)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing() + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
