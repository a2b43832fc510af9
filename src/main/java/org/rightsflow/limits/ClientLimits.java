package org.rightsflow.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spends the client address's budget of every {@link Limited} controller method before it runs. The address is the
 * one the servlet container reports: behind a trusted proxy, with forwarded headers on, the forwarded client.
 */
class ClientLimits implements WebMvcConfigurer, HandlerInterceptor {

    private final RateLimits limits;

    ClientLimits(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Limited limited = method.getMethodAnnotation(Limited.class);
            if (limited != null) {
                for (Limit limit : limited.value()) {
                    limits.client(limit, request.getRemoteAddr()).orThrow();
                }
            }
        }
        return true;
    }
}
