package cn.majordecision.execution.web;

import cn.majordecision.consultation.OpinionRateLimiter;
import cn.majordecision.execution.DecisionFeedbacks;
import cn.majordecision.execution.DecisionFeedbacks.FeedbackInput;
import cn.majordecision.execution.DecisionFeedbacks.Receipt;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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

    PublicFeedbackController(DecisionFeedbacks feedback, OpinionRateLimiter limiter) {
        this.feedback = feedback;
        this.limiter = limiter;
    }

    @PostMapping("/api/public/decisions/{number}/feedback")
    ResponseEntity<Receipt> submit(@PathVariable String number, @RequestBody FeedbackInput input, HttpServletRequest request) {
        limiter.admit(request, "TOO_MANY_SUBMISSIONS");
        Receipt receipt = feedback.submit(number, input);
        return ResponseEntity.created(URI.create("/api/public/decisions/" + number)).body(receipt);
    }
}
