package cn.majordecision.web.pages;

import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.web.SignedInActor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page needs (who is signed in, where we are), and refusals as a page a person can read: a page
 * request that is refused shows the same Chinese message the API would give, with the matching status.
 */
@ControllerAdvice(basePackages = "cn.majordecision.web.pages")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    @ModelAttribute("actor")
    Actor actor() {
        return SignedInActor.current().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * Whether the browser already holds a session (signed in, or after a look at the sign-in page): the API then asks
     * its forms for the CSRF token. Without one none is made, so anonymous visitors stay sessionless.
     */
    @ModelAttribute("sessionOpen")
    boolean sessionOpen(HttpServletRequest request) {
        return request.getRequestedSessionId() != null;
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = switch (e.kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return errorPage(status, e.code(), e.getMessage(), model, request, response);
    }

    /** A page address with a query value of the wrong type ({@code ?year=abc}): a page, not the API's JSON. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return errorPage(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "参数“" + e.getName() + "”的值不正确。", model,
                request, response);
    }

    private String errorPage(HttpStatus status, String code, String message, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        // an exception handler's model starts empty: the frame still needs who is signed in and where we are
        model.addAttribute("actor", actor());
        model.addAttribute("currentPath", currentPath(request));
        model.addAttribute("sessionOpen", sessionOpen(request));
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("code", code);
        model.addAttribute("message", message);
        return "pages/error";
    }
}
