package org.rightsflow.notification;

import java.util.Locale;
import java.util.Map;
import org.rightsflow.support.DisplayDates;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders plain-text mail from {@code templates/mail/<name>.txt}. The first line of a template is
 * {@code Subject: …}; the rest is the body. Plain text is readable in every client and in the staff outbox.
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

    RenderedMail render(MailKind kind, Map<String, Object> model) {
        Context context = new Context(Locale.ENGLISH, model);
        context.setVariable("dates", dates);
        String text = engine.process(kind.template(), context).strip();
        int lineEnd = text.indexOf('\n');
        String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        if (!firstLine.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException("Mail template " + kind.template() + " must start with 'Subject:'");
        }
        String subject = firstLine.substring(SUBJECT_PREFIX.length()).strip();
        String body = lineEnd < 0 ? "" : text.substring(lineEnd + 1).strip() + "\n";
        return new RenderedMail(subject.length() > 300 ? subject.substring(0, 300) : subject, body);
    }
}
