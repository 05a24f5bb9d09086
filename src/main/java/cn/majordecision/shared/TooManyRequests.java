package cn.majordecision.shared;

import java.time.Duration;
import java.util.List;

/** A refusal because one source asked too often: the client may try again after {@link #retryAfter()}. */
public class TooManyRequests extends DomainException {

    private final Duration retryAfter;

    public TooManyRequests(String code, String message, Duration retryAfter) {
        super(Kind.TOO_MANY_REQUESTS, code, message, List.of());
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
