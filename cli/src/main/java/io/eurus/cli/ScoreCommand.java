package io.eurus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eurus.events.Json;
import io.eurus.events.RuleMatch;
import io.eurus.events.SentenceTone;
import io.eurus.platform.StartupException;
import io.eurus.processor.Analysis;
import io.eurus.processor.ArticleEnricher;
import io.eurus.processor.EnricherSources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Score text as the processor would: relevance, actors, rules, relations tone (and what it comes",
        "from: the language's model or the lexicon), polarity, and why: the sentences that carry tone and, for those",
        "that moved it most, the words whose absence moves the model's score most.",
        "Plain text in, one JSON object out. With --jsonl, each input line is {\"id\": …, \"text\": …, \"language\"?: …}",
        "and each output line is {\"id\", \"tone\" (0 when not about the relationship), \"polarity\", \"relevant\", \"rules\"}.",
        "Try a rules or lexicon change on a corpus before it goes live: --rules FILE, --lexicon FILE."})
final class ScoreCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "Input file; - or nothing for standard input.")
  String input;

  @Option(names = "--jsonl", description = "One JSON object per input line; one result per output line.")
  boolean jsonl;

  @Option(names = "--language", paramLabel = "CODE",
      description = "Language of the text (en, ru, …). Default: the line's \"language\", else ru for mostly Cyrillic text, else en.")
  String language;

  @Mixin
  AnalystOptions knowledge;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EnricherSources sources = knowledge.sources();
    try (EnricherSources.OpenEnricher open = sources.open(knowledge.reportRuleProblems(err));
         BufferedReader reader = new BufferedReader(open(input))) {
      return jsonl ? scoreLines(open.enricher(), reader, out, err) : scoreText(open.enricher(), reader, out);
    }
  }

  private Reader open(String file) {
    if (file == null || file.equals("-")) {
      return new InputStreamReader(System.in, StandardCharsets.UTF_8);
    }
    try {
      return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StartupException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private int scoreText(ArticleEnricher enricher, BufferedReader reader, PrintWriter out) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      text.append(line).append('\n');
    }
    Analysis analysis = enricher.analyse(languageOf(language, text), null, text.toString());
    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(full(analysis)));
    return 0;
  }

  private int scoreLines(ArticleEnricher enricher, BufferedReader reader, PrintWriter out, PrintWriter err) throws IOException {
    int number = 0;
    int bad = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode item;
      try {
        item = Json.mapper().readTree(line);
      } catch (IOException e) {
        err.println("eurus: " + where(number) + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + "), skipped");
        bad++;
        continue;
      }
      if (!item.isObject() || !item.path("text").isTextual()) {
        err.println("eurus: " + where(number) + ": needs an object with a \"text\" string, skipped");
        bad++;
        continue;
      }
      String text = item.path("text").asText();
      String lang = item.path("language").isTextual() ? item.path("language").asText() : languageOf(language, text);
      Analysis analysis = enricher.analyse(lang, null, text);
      ObjectNode result = Json.mapper().createObjectNode();
      result.set("id", item.path("id").isMissingNode() ? Json.mapper().nullNode() : item.path("id"));
      result.put("tone", analysis.tone() == null ? 0.0 : analysis.tone());
      result.put("polarity", analysis.polarity());
      result.put("relevant", analysis.relevant());
      if (analysis.toneSource() != null) {
        result.put("toneSource", analysis.toneSource());
      }
      ArrayNode rules = result.putArray("rules");
      analysis.rules().forEach(match -> rules.add(match.ruleId()));
      out.println(Json.mapper().writeValueAsString(result));
    }
    out.flush();
    return bad == 0 ? 0 : 1;
  }

  private String where(int line) {
    return (input == null || input.equals("-") ? "standard input" : input) + " line " + line;
  }

  /** The whole analysis, with the explanation of the tone: its terms, and each sentence with its own. */
  static ObjectNode full(Analysis analysis) {
    ObjectNode result = Json.mapper().createObjectNode();
    result.put("language", analysis.language());
    result.put("relevant", analysis.relevant());
    result.set("actors", Json.mapper().valueToTree(analysis.actors()));
    ArrayNode rules = result.putArray("rules");
    for (RuleMatch match : analysis.rules()) {
      rules.addObject().put("id", match.ruleId()).put("name", match.name()).put("severity", match.severity().name())
          .put("snippet", match.snippet());
    }
    if (analysis.tone() == null) {
      result.putNull("tone");
    } else {
      result.put("tone", analysis.tone());
    }
    result.put("polarity", analysis.polarity());
    if (analysis.toneSource() != null) {
      result.put("toneSource", analysis.toneSource());
    }
    ObjectNode explanation = result.putObject("explanation");
    explanation.set("terms", Json.mapper().valueToTree(analysis.toneTerms()));
    ArrayNode sentences = explanation.putArray("sentences");
    for (int i = 0; i < analysis.sentences().size(); i++) {
      ObjectNode sentence = sentences.addObject().put("text", analysis.sentences().get(i));
      for (SentenceTone tone : analysis.sentenceTones()) {
        if (tone.sentence() == i) {
          sentence.put("tone", tone.tone());
          sentence.set("terms", Json.mapper().valueToTree(tone.terms()));
        }
      }
    }
    return result;
  }

  /** The given language, else ru for mostly Cyrillic text, else en. */
  static String languageOf(String given, CharSequence text) {
    if (given != null) {
      return given;
    }
    int cyrillic = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
      cyrillic += script == Character.UnicodeScript.CYRILLIC ? 1 : 0;
      latin += script == Character.UnicodeScript.LATIN ? 1 : 0;
    }
    return cyrillic > latin ? "ru" : "en";
  }
}
