package org.rightsflow.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The Flesch-Kincaid grade of English text: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. Grade 8
 * is what a US 13-year-old reads; the texts a subject reads must not need more.
 */
public final class Readability {

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:'[A-Za-z]+)?");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:]\\s*$");
    /** Parts of a page read as one unit each: a label or a button is a sentence of its own even without a stop. */
    private static final String UNITS = "h1, h2, h3, p, li, label, legend, button, dt, dd, th, td, summary, caption";

    private Readability() {
    }

    public static double grade(String text) {
        String[] sentences = text.split("[.!?:]+(\\s|$)|\\n\\s*\\n");
        long sentenceCount = Arrays.stream(sentences).filter(s -> WORD.matcher(s).find()).count();
        List<String> words = new ArrayList<>();
        // Parentheses hold references, dates and law names; addresses and references are not words to read.
        Matcher word = WORD.matcher(text.replaceAll("\\([^)]*\\)", "").replaceAll("\\S+[/@]\\S+", ""));
        while (word.find()) {
            words.add(word.group().toLowerCase(Locale.ROOT));
        }
        int syllables = words.stream().mapToInt(Readability::syllables).sum();
        return 0.39 * words.size() / Math.max(1, sentenceCount) + 11.8 * syllables / Math.max(1, words.size())
                - 15.59;
    }

    /** The grade of a page's main content, each heading, paragraph, label, button and cell read as a sentence. */
    public static double grade(Document page) {
        Element main = page.selectFirst("main") == null ? page.body() : page.selectFirst("main");
        StringBuilder text = new StringBuilder();
        for (Element unit : main.select(UNITS)) {
            if (!unit.select(UNITS).stream().filter(inner -> inner != unit).findAny().isEmpty()) {
                continue;
            }
            String own = unit.text().strip();
            if (!own.isEmpty()) {
                text.append(own).append(SENTENCE_END.matcher(own).find() ? " " : ". ");
            }
        }
        return grade(text.toString());
    }

    /** Vowel groups, less a silent final e; at least one. Rough, as every such count is, but steady. */
    static int syllables(String word) {
        String w = word.replaceAll("'.*$", "");
        if (w.length() <= 3) {
            return 1;
        }
        w = w.replaceAll("(?:[^laeiouy]es|ed|[^laeiouy]e)$", "").replaceAll("^y", "");
        Matcher groups = VOWELS.matcher(w);
        int count = 0;
        while (groups.find()) {
            count++;
        }
        return Math.max(1, count);
    }
}
