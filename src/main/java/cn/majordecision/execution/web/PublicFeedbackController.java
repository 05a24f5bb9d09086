package cn.majordecision.execution.web;

import cn.majordecision.consultation.OpinionRateLimiter;
import cn.majordecision.execution.DecisionFeedbacks;
import cn.majordecision.execution.DecisionFeedbacks.FeedbackInput;
import cn.majordecision.execution.DecisionFeedbacks.Receipt;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Feedback on a published decision: no login; one per-address budget shared with public opinions. */
@RestController
class PublicFeedbackController {

    private final DecisionFeedbacks feedback;
    private final OpinionRateLimiter limiter;
    private final boolean trustForwardedFor;

    PublicFeedbackController(DecisionFeedbacks feedback, OpinionRateLimiter limiter,
            @Value("${app.consultation.trust-forwarded-for:false}") boolean trustForwardedFor) {
        this.feedback = feedback;
        this.limiter = limiter;
        this.trustForwardedFor = trustForwardedFor;
    }

    @PostMapping("/api/public/decisions/{number}/feedback")
    ResponseEntity<?> submit(@PathVariable String number, @RequestBody FeedbackInput input, HttpServletRequest request) {
        Duration wait = limiter.acquire(address(request));
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "提交过于频繁，请 %d 秒后再试。".formatted(seconds));
            problem.setTitle("提交过于频繁");
            problem.setProperty("code", "TOO_MANY_SUBMISSIONS");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Receipt receipt = feedback.submit(number, input);
        return ResponseEntity.created(URI.create("/api/public/decisions/" + number)).body(receipt);
    }

    /** The client's address; a proxy's X-Forwarded-For only when configured, and then its last (proxy-added) entry. */
    private String address(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (trustForwardedFor && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.getRemoteAddr();
    }
}
