package org.rightsflow.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rightsflow.deadline.StatutoryClock;
import org.rightsflow.reporting.Transparency;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public transparency page: how the company answered the requests of a past calendar year, per right, in the
 * visitor's language ({@link PortalLanguages}). Published only with {@code rightsflow.transparency.enabled}; else
 * its address is a page that is not there. The figures are counted at most once an hour ({@link Transparency}), so
 * opening the page costs the database nothing, and it takes no rate limit of its own.
 */
@Controller
class TransparencyController {

    /** A year is four digits; anything else is refused before it is read as a number. */
    private static final String YEAR = "\\d{4}";

    private final Transparency transparency;
    private final StatutoryClock statutoryClock;

    TransparencyController(Transparency transparency, StatutoryClock statutoryClock) {
        this.transparency = transparency;
        this.statutoryClock = statutoryClock;
    }

    @GetMapping("/transparency")
    String transparency(@RequestParam(required = false) String year, Locale locale, Model model,
                        HttpServletResponse response) {
        if (!transparency.enabled()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
            return "error";
        }
        List<Integer> years = transparency.years();
        model.addAttribute("years", years);
        model.addAttribute("language", locale.getLanguage());
        Optional<Transparency.Figures> figures = year == null || year.isBlank() ? transparency.of(years.get(0))
                : year.strip().matches(YEAR) ? transparency.of(Integer.parseInt(year.strip())) : Optional.empty();
        if (figures.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "portal/transparency";
        }
        model.addAttribute("figures", figures.get());
        LocalDate counted = statutoryClock.dateOf(figures.get().counted());
        model.addAttribute("countedOn", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(counted));
        return "portal/transparency";
    }
}
