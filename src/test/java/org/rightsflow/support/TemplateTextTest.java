package org.rightsflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No template a subject reads holds words of its own: every word comes from a bundle, so every language has it.
 * A word left in a template is the sentence that stays English on a German page.
 *
 * <p>In HTML, a text counts when no Thymeleaf attribute replaces it, and so do the attributes people read (title,
 * alt, placeholder, aria-label, a button's value) unless a {@code th:} twin sets them. What only staff see (inside
 * {@code th:if="${area == 'staff'}"}) is English and left alone. In a plain-text mail, everything outside
 * {@code [[…]]}, {@code [(…)]} and {@code [#…]} counts.
 */
class TemplateTextTest {

    private static final Path TEMPLATES = Path.of("templates");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final List<String> READ_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label", "value",
            "aria-description");
    private static final Pattern TEXT_EXPRESSION = Pattern.compile(
            "\\[\\[.*?]]|\\[\\(.*?\\)]|\\[#[^\\]]*]|\\[/]", Pattern.DOTALL);

    /** The templates subjects read; processor pages and staff mail are for businesses and staff, in English. */
    static Stream<Path> subjectTemplates() throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> portal = Files.list(TEMPLATES.resolve("portal"))) {
            portal.filter(path -> !path.getFileName().toString().startsWith("processor-")).forEach(paths::add);
        }
        try (Stream<Path> mail = Files.list(TEMPLATES.resolve("mail"))) {
            mail.filter(path -> !path.getFileName().toString().startsWith("staff-")
                    && !path.getFileName().toString().startsWith("processor-")).forEach(paths::add);
        }
        paths.add(TEMPLATES.resolve("package/summary.html"));
        paths.add(TEMPLATES.resolve("fragments/layout.html"));
        paths.add(TEMPLATES.resolve("fragments/forms.html"));
        paths.add(TEMPLATES.resolve("error.html"));
        paths.add(TEMPLATES.resolve("error/denied.html"));
        paths.add(TEMPLATES.resolve("error/too-many-requests.html"));
        return paths.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjectTemplates")
    void everyWordComesFromABundle(Path template) throws IOException {
        String source = Files.readString(template, StandardCharsets.UTF_8);
        List<String> words = template.toString().endsWith(".txt") ? wordsInText(source) : wordsInHtml(source);
        assertThat(words).as("text in %s outside the message bundles", template).isEmpty();
    }

    private static List<String> wordsInText(String source) {
        List<String> words = new ArrayList<>();
        for (String line : TEXT_EXPRESSION.matcher(source).replaceAll("").split("\n")) {
            String text = line.startsWith("Subject:") ? line.substring("Subject:".length()) : line;
            if (LETTER.matcher(text).find()) {
                words.add(text.strip());
            }
        }
        return words;
    }

    private static List<String> wordsInHtml(String source) {
        Document document = Jsoup.parse(source, "", Parser.xmlParser());
        List<String> words = new ArrayList<>();
        collect(document, words);
        return words;
    }

    private static void collect(Node node, List<String> words) {
        if (node instanceof TextNode text) {
            if (LETTER.matcher(text.text()).find()) {
                words.add(text.text().strip());
            }
            return;
        }
        if (node instanceof Element element) {
            String tag = element.tagName();
            if (tag.equals("script") || tag.equals("style") || element.attr("th:if").contains("area == 'staff'")) {
                return;
            }
            for (String attribute : READ_ATTRIBUTES) {
                if (element.hasAttr(attribute) && LETTER.matcher(element.attr(attribute)).find()
                        && !element.hasAttr("th:" + attribute) && !element.attr("th:attr").contains(attribute)) {
                    words.add(tag + "@" + attribute + "=" + element.attr(attribute));
                }
            }
            if (element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:replace")
                    || element.hasAttr("th:insert") || element.attr("th:remove").equals("all")) {
                return;
            }
        }
        for (Node child : node.childNodes()) {
            collect(child, words);
        }
    }
}
