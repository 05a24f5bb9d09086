package cn.majordecision.web;

import cn.majordecision.shared.FieldViolation;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem responses with a stable {@code code} and the offending fields. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail, List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/docs/index.html#problem-" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail,
            List<FieldViolation> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, detail, errors));
    }
}
