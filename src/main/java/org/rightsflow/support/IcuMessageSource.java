package org.rightsflow.support;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's message source: texts come from the UTF-8 bundles as Spring reads them, and are formatted with
 * ICU's MessageFormat, so a text can say "{0, plural, one {# day} other {# days}}" with each language's own plural
 * rules (Polish-style "few"/"many" included) and numbers and dates in that language's style. Java's MessageFormat
 * knows no plural rules and treats every apostrophe as a quote.
 *
 * <p>A text asked for without arguments is returned exactly as written, as Spring does by default.
 */
public final class IcuMessageSource implements MessageSource {

    private final ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();

    public IcuMessageSource(String... basenames) {
        bundles.setBasenames(basenames);
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        bundles.setUseCodeAsDefaultMessage(false);
        bundles.setAlwaysUseMessageFormat(false);
    }

    @Override
    public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
        String pattern = pattern(code, locale);
        if (pattern == null) {
            pattern = defaultMessage;
        }
        return pattern == null ? null : format(pattern, args, locale);
    }

    @Override
    public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
        String pattern = pattern(code, locale);
        if (pattern == null) {
            throw new NoSuchMessageException(code, locale);
        }
        return format(pattern, args, locale);
    }

    @Override
    public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
        String[] codes = resolvable.getCodes();
        if (codes != null) {
            for (String code : codes) {
                String pattern = pattern(code, locale);
                if (pattern != null) {
                    return format(pattern, resolvable.getArguments(), locale);
                }
            }
        }
        if (resolvable.getDefaultMessage() != null) {
            return format(resolvable.getDefaultMessage(), resolvable.getArguments(), locale);
        }
        throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[codes.length - 1], locale);
    }

    private String pattern(String code, Locale locale) {
        return code == null ? null : bundles.getMessage(code, null, null, locale == null ? Languages.ENGLISH : locale);
    }

    private String format(String pattern, Object[] args, Locale locale) {
        if (args == null || args.length == 0) {
            return pattern;
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof MessageSourceResolvable nested ? getMessage(nested, locale) : args[i];
        }
        return new MessageFormat(pattern, ULocale.forLocale(locale == null ? Languages.ENGLISH : locale))
                .format(resolved);
    }
}
