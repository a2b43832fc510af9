package org.rightsflow.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.rightsflow.support.DisplayDates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders plain-text mail from {@code templates/mail/<name>.txt}. The first line of a template is
 * {@code Subject: …}; the rest is the body. Plain text is readable in every client and in the staff outbox.
 *
 * <p>Each message is rendered twice: once with the {@link MailSecret}s of the model as their values (the body that
 * is delivered), once with their labels (the body staff, the API and exports read). Templates know nothing of it.
 * A secret link of the portal that reaches the staff copy unmarked stops the message from being written at all.
 */
@Component
class MailTemplates {

    private static final String SUBJECT_PREFIX = "Subject:";

    // A private engine, not a bean: a second SpringTemplateEngine bean would replace the one Spring MVC uses.
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    private final DisplayDates dates;

    MailTemplates(MessageSource messages, DisplayDates dates) {
        this.dates = dates;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    RenderedMail render(MailKind kind, Map<String, Object> model, Locale language) {
        String deliverable = process(kind, withSecrets(model, MailSecret::value), language);
        String redacted = process(kind, withSecrets(model, MailSecret::placeholder), language);
        String unmarked = SecretLinks.firstIn(redacted);
        if (unmarked != null) {
            throw new IllegalStateException("Mail " + kind.template() + " holds a " + unmarked
                    + " that its model does not mark as a MailSecret");
        }
        Text staffCopy = split(kind, redacted);
        // The subject is the staff copy's: subject lines are listed and quoted in the timeline, never a secret's place.
        return new RenderedMail(staffCopy.subject(), split(kind, deliverable).body(), staffCopy.body());
    }

    private static Map<String, Object> withSecrets(Map<String, Object> model, Function<MailSecret, String> shown) {
        Map<String, Object> resolved = new HashMap<>(model);
        resolved.replaceAll((name, value) -> value instanceof MailSecret secret ? shown.apply(secret) : value);
        return resolved;
    }

    private String process(MailKind kind, Map<String, Object> model, Locale language) {
        Context context = new Context(language, model);
        context.setVariable("dates", dates);
        // What the template calls in Java (dates, labels) writes in the mail's language too (support.Languages).
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(language);
        try {
            return engine.process(kind.template(), context).strip();
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    private record Text(String subject, String body) {
    }

    private static Text split(MailKind kind, String text) {
        int lineEnd = text.indexOf('\n');
        String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        if (!firstLine.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException("Mail template " + kind.template() + " must start with 'Subject:'");
        }
        String subject = firstLine.substring(SUBJECT_PREFIX.length()).strip();
        String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1).strip() + "\n";
        return new Text(subject.length() > 300 ? subject.substring(0, 300) : subject, body);
    }
}
