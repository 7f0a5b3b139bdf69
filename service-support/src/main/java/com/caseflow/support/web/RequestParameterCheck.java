package com.caseflow.support.web;

import com.caseflow.support.problem.FieldProblem;
import com.caseflow.support.problem.InvalidRequestException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses control characters ({@link ControlCharacters}) in query parameters and path variables before any handler
 * reads them, naming each parameter: the same rule as for text in request bodies, for every endpoint of every
 * service without a line in the controllers.
 */
class RequestParameterCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value instanceof String text && ControlCharacters.foundIn(text)) {
                    problems.add(new FieldProblem(String.valueOf(name), ControlCharacters.MESSAGE));
                }
            });
        }
        if (request.getQueryString() != null) {
            request.getParameterMap().forEach((name, values) -> {
                if (ControlCharacters.foundIn(name)
                        || List.of(values).stream().anyMatch(ControlCharacters::foundIn)) {
                    problems.add(new FieldProblem(ControlCharacters.visible(name), ControlCharacters.MESSAGE));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return true;
    }
}
