package se.alfmonitor.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Candidate rule sets for tests: the shipped rule set under a new version, with some levels read differently. */
public final class RuleSetDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Level 8 of the shipped rule set: at least five articles over 2018–2021. */
    public static final String FIVE_ARTICLES = "'15' in answers && (('2018' in answers['15'] ? answers['15']['2018']"
            + " : 0) + ('2019' in answers['15'] ? answers['15']['2019'] : 0) + ('2020' in answers['15'] ?"
            + " answers['15']['2020'] : 0) + ('2021' in answers['15'] ? answers['15']['2021'] : 0)) >= 5";

    private RuleSetDocuments() {
    }

    public static String version(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The shipped rule set 2021.1 as version {@code version}. */
    public static ObjectNode shipped(String version) {
        try (InputStream in = RuleSetDocuments.class.getClassLoader()
                .getResourceAsStream("rule-sets/alf-usve-2021-v1.json")) {
            ObjectNode document = (ObjectNode) JSON.readTree(in);
            document.put("version", version);
            document.put("status", "DRAFT");
            document.remove("publishedAt");
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Level 8 read as more than five articles (AMB-02), texts included. */
    public static ObjectNode moreThanFiveArticles(String version) {
        ObjectNode document = shipped(version);
        ObjectNode level = level(document, 8);
        level.put("met", FIVE_ARTICLES.replace(">= 5", "> 5"));
        level.put("ruleSv", "Ja om fler än 5 artiklar totalt under 2018–2021");
        level.put("ruleEn", "Yes if more than 5 articles in total during 2018–2021");
        return document;
    }

    public static ObjectNode level(ObjectNode document, int number) {
        for (var level : (ArrayNode) document.get("levels")) {
            if (level.path("number").asInt() == number) {
                return (ObjectNode) level;
            }
        }
        throw new AssertionError("No level " + number);
    }

    public static String text(ObjectNode document) {
        return document.toString();
    }
}
