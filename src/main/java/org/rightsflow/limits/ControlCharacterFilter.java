package org.rightsflow.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses any form field or query parameter that breaks {@link ControlCharacters}, before anything reads it (the
 * sign-in included): 400 with the field's name, as a problem document on the JSON API and as a page elsewhere. Camunda's own webapps and REST API keep their own rules.
 */
class ControlCharacterFilter extends OncePerRequestFilter {

    /** Request attribute the error page reads: the name of the refused field. */
    static final String REFUSED_FIELD = "badInputField";

    private final ObjectMapper json;

    ControlCharacterFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String field = parameter.getKey();
            boolean refused = !ControlCharacters.allowed("", field);
            for (String value : parameter.getValue()) {
                refused |= value != null && !ControlCharacters.allowed(field, value);
            }
            if (refused) {
                refuse(request, response, ControlCharacters.allowed("", field) ? field : "(a field name)");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String field)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://rightsflow.org/problems/invalid-fields");
            problem.put("title", "Invalid request");
            problem.put("status", 400);
            problem.put("detail", "Some fields are missing or invalid: [" + field + "]");
            problem.put("instance", request.getRequestURI());
            problem.put("errors", List.of(Map.of("field", field, "message", ControlCharacters.MESSAGE)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        // Rendered by Spring MVC (BadInputPage), as a page whatever the client accepts.
        request.setAttribute(REFUSED_FIELD, field);
        try {
            request.getRequestDispatcher(BadInputPage.PATH).forward(request, response);
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }
}
